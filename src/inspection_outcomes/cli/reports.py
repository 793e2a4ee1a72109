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
REPORTS_LEDGER = typer.Option(
    None,
    "--ledger",
    help="Also write the disagreements as a corrections ledger (CSV) to this file.",
)
REPORTS_ANOMALIES = typer.Option(
    None,
    "--anomalies",
    help="Also write what could not be read (one row per anomaly, CSV) to this file.",
)


@reports_app.command("extract")
@user_errors
def reports_extract(
    folder: Path = REPORTS_FOLDER_ARG,
    out: Path | None = REPORTS_OUT,
    anomalies: Path | None = REPORTS_ANOMALIES,
) -> None:
    """Read a folder of reports into canonical records (CSV with the canonical columns).

    Every file is read: one that cannot be read is an anomaly; the others go on.
    The summary, then each anomaly, go to standard error; records are always written.

    Exit status: 0 every file read completely; 1 some file or field not read;
    2 bad arguments or an unusable folder (missing, not a folder, empty).
    """
    from inspection_outcomes.sources.report_output import (
        NOT_ALL_READ,
        events_csv,
        summary_lines,
        write_anomalies,
        write_events_csv,
    )
    from inspection_outcomes.sources.reports import read_reports

    read = read_reports(folder)
    for line in summary_lines(read):
        print(line, file=sys.stderr)
    if out is None:
        sys.stdout.write(events_csv(read.events))
    else:
        write_events_csv(read.events, out)
        print(f"{len(read.events)} records -> {out}", file=sys.stderr)
    if anomalies is not None:
        write_anomalies(read.anomalies, anomalies)
    if read.anomalies:
        raise typer.Exit(NOT_ALL_READ)


@reports_app.command("verify")
@user_errors
def reports_verify(
    source: Source,
    reports: Path = REPORTS_FOLDER,
    fmt: Format = "table",
    ledger: Path | None = REPORTS_LEDGER,
    ledger_date: str | None = typer.Option(
        None, "--ledger-date", help="Date of the ledger's corrections, YYYY-MM-DD (default: today)."
    ),
    anomalies: Path | None = REPORTS_ANOMALIES,
) -> None:
    """Check each report against its record in the source and list every disagreement.

    Every file is read: one that cannot be read is an anomaly; the others go on.
    The reading summary comes first, then the checks, then each anomaly;
    the ledger and JSON are always written.

    Exit status: 0 every file read completely; 1 some file or field not read;
    2 bad arguments, an unusable folder (missing, not a folder, empty) or source.
    """
    import json
    from datetime import date

    from inspection_outcomes.checks.report_checks import LEDGER_COLUMNS, ledger_rows, verify
    from inspection_outcomes.sources.load import load_la_source
    from inspection_outcomes.sources.report_output import (
        NOT_ALL_READ,
        print_verify_table,
        reading_summary,
        write_anomalies,
        write_ledger,
    )
    from inspection_outcomes.sources.reports import read_reports

    check_format(fmt)
    on = parse_date(ledger_date, "--ledger-date") or date.today()
    loaded = load_la_source(source)
    records = loaded.events()
    read = read_reports(reports)
    result = verify(records, read.events)
    if ledger is not None:
        raw = {(event_id, field): value for event_id, field, value in loaded.source_values}
        rows = ledger_rows(result, records, read.events, raw, on)
        write_ledger(rows, LEDGER_COLUMNS, ledger)
        print(f"{len(rows)} corrections -> {ledger}", file=sys.stderr)
    if fmt == "json":
        print(
            json.dumps(
                {"reading": reading_summary(read), **result},
                indent=2,
                sort_keys=True,
                ensure_ascii=False,
            )
        )
    else:
        print_verify_table(read, result)
    if anomalies is not None:
        write_anomalies(read.anomalies, anomalies)
    if read.anomalies:
        raise typer.Exit(NOT_ALL_READ)
