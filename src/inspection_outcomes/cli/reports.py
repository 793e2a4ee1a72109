"""Commands on published inspection reports (PDF): extract records, verify a source."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from inspection_outcomes.cli.apps import reports_app
from inspection_outcomes.cli.options import Format, Source, check_format, parse_date, user_errors

REPORTS_FOLDER_ARG = typer.Argument(..., help="Folder of published report PDFs.")
REPORTS_OUT = typer.Option(None, "--out", help="CSV file to write (default: standard output).")
REPORTS_FOLDER = typer.Option(..., "--reports", help="Folder of published report PDFs.")
REPORTS_LEDGER = typer.Option(None, "--ledger", help="Also write the disagreements as a "
                              "corrections ledger (CSV) to this file.")


@reports_app.command("extract")
@user_errors
def reports_extract(
    folder: Path = REPORTS_FOLDER_ARG,
    out: Path | None = REPORTS_OUT,
) -> None:
    """Read a folder of reports into canonical records (CSV with the canonical columns)."""
    from inspection_outcomes.sources.report_output import events_csv, write_events_csv
    from inspection_outcomes.sources.reports import read_reports

    events = read_reports(folder)
    if out is None:
        sys.stdout.write(events_csv(events))
    else:
        write_events_csv(events, out)
        print(f"{len(events)} reports -> {out}", file=sys.stderr)


@reports_app.command("verify")
@user_errors
def reports_verify(
    source: Source,
    reports: Path = REPORTS_FOLDER,
    fmt: Format = "table",
    ledger: Path | None = REPORTS_LEDGER,
    ledger_date: str | None = typer.Option(None, "--ledger-date", help="Date of the "
                                           "ledger's corrections, YYYY-MM-DD (default: "
                                           "today)."),
) -> None:
    """Check each report against its record in the source and list every disagreement."""
    import json
    from datetime import date

    from inspection_outcomes.checks.report_checks import LEDGER_COLUMNS, ledger_rows, verify
    from inspection_outcomes.sources.load import load_la_source
    from inspection_outcomes.sources.report_output import write_ledger
    from inspection_outcomes.sources.reports import read_reports

    check_format(fmt)
    on = parse_date(ledger_date, "--ledger-date") or date.today()
    loaded = load_la_source(source)
    records = loaded.events()
    report_events = read_reports(reports)
    result = verify(records, report_events)
    if ledger is not None:
        raw = {(event_id, field): value for event_id, field, value in loaded.source_values}
        rows = ledger_rows(result, records, report_events, raw, on)
        write_ledger(rows, LEDGER_COLUMNS, ledger)
        print(f"{len(rows)} corrections -> {ledger}", file=sys.stderr)
    if fmt == "json":
        print(json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Reports and records that disagree")
    for column in ("report", "la", "field", "report_value", "record_value"):
        table.add_column(column)
    for d in result["disagreements"]:
        table.add_row(d["report"], d["la"], d["field"], d["report_value"], d["record_value"])
    console = Console()
    console.print(table)
    console.print(f"checked {result['checked']} reports, matched {result['matched']}; "
                  f"judgements checked {result['judgements_checked']}, agreeing "
                  f"{result['judgements_agreeing']}; unmatched {len(result['unmatched'])}")
    for u in result["unmatched"]:
        console.print(f"no record for {u['report']} ({u['la']})")
