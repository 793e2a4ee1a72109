"""The `outcomes` command: parses arguments and calls the layers; no rules live here."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import typer

from inspection_outcomes import __version__
from inspection_outcomes.errors import InputError, ReleaseError

# numpy (which sorts the hashes of a large source's identifiers) would start a BLAS thread
# pool whose threads spin beside DuckDB's for a while: 1% of the processor time of figures
# over ten million events. No command does linear algebra.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

app = typer.Typer(
    name="outcomes",
    help="Official statistics on inspections of children's social care in England.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
providers_app = typer.Typer(help="Children's homes and other social care providers.",
                            no_args_is_help=True)
reports_app = typer.Typer(help="Published inspection reports (PDF).", no_args_is_help=True)
app.add_typer(providers_app, name="providers")
app.add_typer(reports_app, name="reports")

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    """Turn InputError/ReleaseError into one line on stderr and exit status 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (InputError, ReleaseError) as e:
            print(f"error: {e}", file=sys.stderr)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


@providers_app.command("figures")
@user_errors
def providers_figures(
    as_at: str = typer.Option(..., "--as-at", help="Release date, YYYY-MM-DD."),
    source: str = typer.Option(..., "--source",
                               help="Provider-level data as at the date: ofsted-providers:PATH "
                                    "(CSV, ODS or XLSX)."),
    in_year_source: str | None = typer.Option(
        None, "--in-year-source",
        help="In-year data (ofsted-providers:PATH); default: --source if it has an in-year "
             "table."),
    period_start: str | None = typer.Option(None, "--period-start", help="YYYY-MM-DD."),
    period_end: str | None = typer.Option(None, "--period-end", help="YYYY-MM-DD."),
    sector_rule: str = typer.Option(
        "trusts_as_la", "--sector-rule",
        help="trusts_as_la (homes run by trusts for an LA count as LA) or as_recorded."),
    fmt: str = typer.Option("json", "--format", help="json or table."),
) -> None:
    """Print the providers release figures (figures.md) as JSON or as tables."""
    import json

    from inspection_outcomes.release import providers_figures as pf

    if fmt not in ("json", "table"):
        raise InputError(f"expected json or table, not '{fmt}'", field="--format")
    figures, _ = _providers_figures(as_at, source, in_year_source, period_start, period_end,
                                    sector_rule)
    if fmt == "json":
        print(json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False))
    else:
        from rich.console import Console

        console = Console()
        for table in pf.figures_tables(figures):
            console.print(table)


def _providers_figures(as_at: str, source: str, in_year_source: str | None,
                       period_start: str | None, period_end: str | None,
                       sector_rule: str) -> tuple[dict[str, Any], list[Path]]:
    """The providers figures from the options, and the source files they were read from."""
    from datetime import date

    from inspection_outcomes.model.providers import SECTOR_RULES, SectorRule
    from inspection_outcomes.release import providers_figures as pf
    from inspection_outcomes.sources import PROVIDER_SOURCE_KINDS, parse_spec
    from inspection_outcomes.sources.ofsted_providers import read_provider_source

    def day(text: str | None, option: str) -> date | None:
        if text is None:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InputError(f"expected a date as YYYY-MM-DD, not '{text}'",
                             field=option) from None

    if sector_rule not in SECTOR_RULES:
        raise InputError(f"expected one of {', '.join(SECTOR_RULES)}, not '{sector_rule}'",
                         field="--sector-rule")
    as_at_day = day(as_at, "--as-at")
    assert as_at_day is not None
    paths = [Path(parse_spec(source, PROVIDER_SOURCE_KINDS).path)]
    src = read_provider_source(paths[0])
    in_year = None
    if in_year_source:
        paths.append(Path(parse_spec(in_year_source, PROVIDER_SOURCE_KINDS).path))
        in_year = read_provider_source(paths[1])
    figures = pf.build_figures(src, as_at_day, in_year, day(period_start, "--period-start"),
                               day(period_end, "--period-end"), SectorRule(sector_rule))
    return figures, paths


@providers_app.command("release")
@user_errors
def providers_release(
    as_at: str = typer.Option(..., "--as-at", help="Release date, YYYY-MM-DD."),
    source: str = typer.Option(..., "--source",
                               help="Provider-level data as at the date: ofsted-providers:PATH "
                                    "(CSV, ODS or XLSX)."),
    in_year_source: str | None = typer.Option(
        None, "--in-year-source",
        help="In-year data (ofsted-providers:PATH); default: --source if it has an in-year "
             "table."),
    out: Path = typer.Option(..., "--out", help="Folder to write the release into."),
    force: bool = typer.Option(False, "--force", help="Replace an existing release."),
    period_start: str | None = typer.Option(None, "--period-start", help="YYYY-MM-DD."),
    period_end: str | None = typer.Option(None, "--period-end", help="YYYY-MM-DD."),
    sector_rule: str = typer.Option(
        "trusts_as_la", "--sector-rule",
        help="trusts_as_la (homes run by trusts for an LA count as LA) or as_recorded."),
    producer: str | None = typer.Option(None, "--producer", help="Who produced the release."),
    assurer: str | None = typer.Option(None, "--assurer",
                                       help="Who assured it (a different person)."),
    publication_date: str | None = typer.Option(None, "--publication-date",
                                                help="Publication date (YYYY-MM-DD)."),
) -> None:
    """The complete providers release: data, spreadsheets, CSV, findings page, charts."""
    from inspection_outcomes.publish.providers_release import write_providers_release
    from inspection_outcomes.publish.release_writer import refuse_existing

    if publication_date:
        _parse_date(publication_date, "--publication-date")
    refuse_existing(out, force)  # before the sources are read
    figures, paths = _providers_figures(as_at, source, in_year_source, period_start,
                                        period_end, sector_rule)
    result = write_providers_release(figures, out, inputs=paths, force=force,
                                     producer=producer, assurer=assurer,
                                     publication_date=publication_date)
    _print_release(result)


# --- Published reports (PDF) --------------------------------------------------------------

REPORTS_FOLDER_ARG = typer.Argument(..., help="Folder of published report PDFs.")
REPORTS_OUT = typer.Option(None, "--out", help="CSV file to write (default: standard output).")
REPORTS_FOLDER = typer.Option(..., "--reports", help="Folder of published report PDFs.")
REPORTS_LEDGER = typer.Option(None, "--ledger", help="Also write the disagreements as a "
                              "corrections ledger (CSV) to this file.")
REPORTS_ANOMALIES = typer.Option(None, "--anomalies", help="Also write what could not be "
                                 "read (one row per anomaly, CSV) to this file.")


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
    source: str = typer.Option(..., "--source", help="KIND:PATH of the records to check, "
                               "e.g. d2i:history.csv."),
    reports: Path = REPORTS_FOLDER,
    fmt: str = typer.Option("table", "--format", help="json or table."),
    ledger: Path | None = REPORTS_LEDGER,
    ledger_date: str | None = typer.Option(None, "--ledger-date", help="Date of the "
                                           "ledger's corrections, YYYY-MM-DD (default: "
                                           "today)."),
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

    if fmt not in ("json", "table"):
        raise InputError(f"--format '{fmt}' is not 'json' or 'table'")
    on = _parse_date(ledger_date, "--ledger-date") or date.today()
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
        print(json.dumps({"reading": reading_summary(read), **result}, indent=2,
                         sort_keys=True, ensure_ascii=False))
    else:
        print_verify_table(read, result)
    if anomalies is not None:
        write_anomalies(read.anomalies, anomalies)
    if read.anomalies:
        raise typer.Exit(NOT_ALL_READ)


@app.callback(invoke_without_command=True)
def main(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        print(__version__)
        raise typer.Exit()


# --- LA release: figures ------------------------------------------------------------------

def _parse_date(value: str | None, option: str) -> Any:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} '{value}' is not a date (YYYY-MM-DD expected)") from None


def _spec(as_at: str, compare: str, cutoff: str | None, period_start: str | None,
          period_end: str | None) -> Any:
    from inspection_outcomes.release.spec import ReleaseSpec

    if compare not in ("first", "previous"):
        raise InputError(f"--compare '{compare}' is not 'first' or 'previous'")
    return ReleaseSpec.for_date(
        _parse_date(as_at, "--as-at"), compare=compare,
        cutoff=_parse_date(cutoff, "--cutoff"),
        period_start=_parse_date(period_start, "--period-start"),
        period_end=_parse_date(period_end, "--period-end"))


AS_AT = typer.Option(..., "--as-at", help="The release date, e.g. 2024-03-31.")
COMPARE = typer.Option("first", "--compare",
                       help="Change since the 'first' or 'previous' ILACS inspection.")
SOURCE = typer.Option(..., "--source", help="KIND:PATH, e.g. d2i:history.csv, "
                      "canonical:events.parquet, reports:DIR, simulated:DIR.")
CORRECTIONS = typer.Option(None, "--corrections", help="Corrections ledger (CSV).")
CUTOFF = typer.Option(None, "--cutoff", help="Publication cut-off (default: 3 months after).")
PERIOD_START = typer.Option(None, "--period-start", help="In-year period start "
                            "(default: the 1 April on or before the as-at date).")
PERIOD_END = typer.Option(None, "--period-end", help="In-year period end (default: as-at).")


def _emit(format: str, data: dict[str, Any], for_people: str) -> None:
    """Print JSON (the contract) or the people's view: `for_people` is "module:function" in
    the publish layer, imported only then (rich takes a JSON run a twentieth of a second to
    import)."""
    from inspection_outcomes.publish.figures_json import dumps_figures

    if format == "json":
        sys.stdout.write(dumps_figures(data))
    else:
        module, function = for_people.split(":")
        printer: Callable[[dict[str, Any]], None] = getattr(
            importlib.import_module(f"inspection_outcomes.publish.{module}"), function)
        printer(data)


def _check_format(format: str) -> None:
    if format not in ("json", "table"):
        raise InputError(f"--format '{format}' is not 'json' or 'table'")


@app.command()
@user_errors
def figures(
    as_at: str = AS_AT,
    compare: str = COMPARE,
    source: str = SOURCE,
    corrections: Path | None = CORRECTIONS,
    cutoff: str | None = CUTOFF,
    period_start: str | None = PERIOD_START,
    period_end: str | None = PERIOD_END,
    format: str = typer.Option("table", "--format", help="json or table."),
) -> None:
    """Every headline figure of the LA inspection outcomes release."""
    from inspection_outcomes.release.build import run_engine

    _check_format(format)
    spec = _spec(as_at, compare, cutoff, period_start, period_end)
    run = run_engine(source, spec, corrections)
    _emit(format, run.figures, "figures_table:print_figures")


@app.command()
@user_errors
def check(
    as_at: str = AS_AT,
    compare: str = COMPARE,
    source: str = SOURCE,
    corrections: Path | None = CORRECTIONS,
    cutoff: str | None = CUTOFF,
    format: str = typer.Option("table", "--format", help="json or table."),
) -> None:
    """Run every data check and print the quality assurance report."""
    from inspection_outcomes.checks.qa import qa_report
    from inspection_outcomes.release.build import run_engine

    _check_format(format)
    spec = _spec(as_at, compare, cutoff, None, None)
    run = run_engine(source, spec, corrections)
    report = qa_report(run, corrections)
    _emit(format, report, "qa_text:print_qa")
    if not report["consistency"]["passed"]:
        raise typer.Exit(1)


# --- LA release: the complete release -------------------------------------------------------

def _print_release(result: Any) -> None:
    from rich.console import Console

    c = Console(stderr=True)
    c.print(f"Release written to {result.out} ({len(result.files)} files, status "
            f"{result.status})")
    c.print("Stages: " + ", ".join(f"{k} {v:.2f}s" for k, v in result.stage_seconds.items()))


@app.command()
@user_errors
def release(
    as_at: str | None = typer.Option(None, "--as-at", help="The release date, e.g. 2024-03-31 "
                                     "(with --revise: taken from the original release)."),
    compare: str = COMPARE,
    source: str = SOURCE,
    corrections: Path | None = CORRECTIONS,
    out: Path | None = typer.Option(None, "--out", help="Folder to write the release into "
                                    "(with --revise: default ORIGINAL-revised beside it)."),
    revise: Path | None = typer.Option(None, "--revise", help="An earlier release to rebuild "
                                       "from a later extract (--source), with a revisions "
                                       "table."),
    cutoff: str | None = CUTOFF,
    period_start: str | None = PERIOD_START,
    period_end: str | None = PERIOD_END,
    producer: str | None = typer.Option(None, "--producer", help="Who produced the release."),
    assurer: str | None = typer.Option(None, "--assurer",
                                       help="Who assured it (a different person)."),
    publication_date: str | None = typer.Option(None, "--publication-date",
                                                help="Publication date (YYYY-MM-DD)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing release."),
) -> None:
    """The complete LA inspection outcomes release: data, findings, charts, map, QA."""
    from dataclasses import replace

    from inspection_outcomes.publish.release_writer import write_release
    from inspection_outcomes.publish.revisions_writer import write_revisions
    from inspection_outcomes.release.build import run_engine
    from inspection_outcomes.release.revisions import read_vintage_spec

    if publication_date:
        _parse_date(publication_date, "--publication-date")
    extra = None
    if revise is not None:
        spec, vintage_ledger = read_vintage_spec(revise)
        corrections = corrections or vintage_ledger
        loaded_cutoff = _parse_date(cutoff, "--cutoff")
        run = run_engine(source, spec, corrections)
        latest = run.warehouse.value("SELECT max(publication_date) FROM inspection_events")
        spec = replace(spec, publication_cutoff=loaded_cutoff or max(latest,
                                                                     spec.publication_cutoff))
        run = run_engine(source, spec, corrections)
        out = out or revise.parent / f"{revise.name}-revised"
        original = revise

        def extra(folder: Path, _report: dict[str, Any]) -> None:
            write_revisions(original, run, folder)
    else:
        if as_at is None or out is None:
            raise InputError("--as-at and --out are needed (or --revise ORIGINAL)")
        spec = _spec(as_at, compare, cutoff, period_start, period_end)
        run = run_engine(source, spec, corrections)
    if publication_date is None:
        from inspection_outcomes.release.calendar import scheduled

        entry = scheduled("la_inspection_outcomes", run.spec.as_at)
        publication_date = entry.publication_date.isoformat() if entry else None
    result = write_release(run, out, force=force, corrections=corrections, producer=producer,
                           assurer=assurer, publication_date=publication_date, extra=extra)
    _print_release(result)


@app.command()
@user_errors
def simulate(
    seed: int = typer.Option(42, "--seed", help="Seed: the same seed gives the same records."),
    events: int | None = typer.Option(None, "--events", help="About this many events, by "
                                      "copies of the country (default: one copy, real LAs)."),
    end: str = typer.Option("2026-03-31", "--end", help="Last day of simulated visits."),
    out: Path = typer.Option(..., "--out", help="Folder to write (a simulated:DIR source)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing folder."),
) -> None:
    """Simulated inspection records (events.parquet, local_authorities.parquet, README.txt)."""
    from inspection_outcomes.simulate.output import build as build_simulation

    summary = build_simulation(out, seed, events, end=_parse_date(end, "--end"), force=force)
    print(f"{summary.folder}: {summary.events} simulated events, "
          f"{summary.local_authorities} LAs ({summary.copies} "
          f"{'copy' if summary.copies == 1 else 'copies'} of the country), seed {summary.seed}")


@app.command()
@user_errors
def demo(
    out: Path = typer.Option(Path("build/demo"), "--out", help="Folder for the release."),
    seed: int = typer.Option(42, "--seed", help="Seed of the simulation."),
    as_at: str = typer.Option("2024-03-31", "--as-at", help="The release date."),
    compare: str = COMPARE,
    force: bool = typer.Option(False, "--force", help="Replace an existing release."),
) -> None:
    """A complete release from simulated records (every output says they are simulated)."""
    import shutil
    import tempfile

    from inspection_outcomes.publish.release_writer import write_release
    from inspection_outcomes.release.build import run_engine
    from inspection_outcomes.simulate.output import build as build_simulation

    spec = _spec(as_at, compare, None, None, None)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "simulated-data"
        build_simulation(data, seed, None, end=spec.publication_cutoff)
        run = run_engine(f"simulated:{data}", spec)

        def copy_source(folder: Path, _report: dict[str, Any]) -> None:
            shutil.copytree(data, folder / "simulated-data")

        result = write_release(run, out, force=force, producer="inspection-outcomes demo",
                               extra=copy_source)
    _print_release(result)
