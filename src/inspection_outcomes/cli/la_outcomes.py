"""Commands of the LA inspection outcomes release: figures, check, release, simulate, demo."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from inspection_outcomes.cli.apps import app
from inspection_outcomes.cli.options import (
    Additions,
    AsAt,
    Assurer,
    Compare,
    Corrections,
    Cutoff,
    Force,
    Format,
    PeriodEnd,
    PeriodStart,
    Producer,
    PublicationDate,
    Reports,
    Source,
    check_format,
    parse_date,
    print_release,
    required_date,
    user_errors,
)
from inspection_outcomes.errors import InputError


def _spec(
    as_at: str,
    compare: str,
    cutoff: str | None = None,
    period_start: str | None = None,
    period_end: str | None = None,
) -> Any:
    from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec

    if compare not in ("first", "previous"):
        raise InputError(f"--compare '{compare}' is not 'first' or 'previous'")
    return ReleaseSpec.for_date(
        required_date(as_at, "--as-at"),
        compare=compare,
        cutoff=parse_date(cutoff, "--cutoff"),
        period_start=parse_date(period_start, "--period-start"),
        period_end=parse_date(period_end, "--period-end"),
    )


def _emit(format: str, data: dict[str, Any], for_people: str, **options: Any) -> None:
    """Print JSON (the contract) or the people's view: `for_people` is "module:function" in
    the LA publication, imported only then (rich takes a JSON run a twentieth of a second to
    import)."""
    from inspection_outcomes.core.figures_json import dumps_figures

    if format == "json":
        sys.stdout.write(dumps_figures(data))
    else:
        module, function = for_people.split(":")
        printer: Callable[..., None] = getattr(
            importlib.import_module(f"inspection_outcomes.publications.la_outcomes.{module}"),
            function,
        )
        printer(data, **options)


@app.command()
@user_errors
def figures(
    *,
    as_at: AsAt,
    compare: Compare = "first",
    source: Source,
    corrections: Corrections = None,
    reports: Reports = None,
    additions: Additions = None,
    cutoff: Cutoff = None,
    period_start: PeriodStart = None,
    period_end: PeriodEnd = None,
    format: Format = "table",
) -> None:
    """Every headline figure of the LA inspection outcomes release."""
    from inspection_outcomes.publications.la_outcomes.engine import run_engine

    check_format(format)
    run = run_engine(
        source,
        _spec(as_at, compare, cutoff, period_start, period_end),
        corrections,
        reports=reports,
        additions=additions,
    )
    _emit(format, run.figures, "figures_table:print_figures")


@app.command()
@user_errors
def check(
    *,
    as_at: AsAt,
    compare: Compare = "first",
    source: Source,
    corrections: Corrections = None,
    reports: Reports = None,
    additions: Additions = None,
    cutoff: Cutoff = None,
    format: Format = "table",
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            help="After the summary, every correction, anomaly and record "
            "left out (the JSON always has them).",
        ),
    ] = False,
) -> None:
    """Run every data check and print the quality assurance report (summary first)."""
    from inspection_outcomes.publications.la_outcomes.engine import run_engine
    from inspection_outcomes.publications.la_outcomes.qa import qa_report

    check_format(format)
    run = run_engine(
        source, _spec(as_at, compare, cutoff), corrections, reports=reports, additions=additions
    )
    report = qa_report(run, corrections)
    _emit(format, report, "qa_text:print_qa", **({"verbose": True} if verbose else {}))
    if not report["consistency"]["passed"]:
        raise typer.Exit(1)


ReleaseAsAt = Annotated[
    str | None,
    typer.Option(
        "--as-at",
        help="The release date, e.g. 2024-03-31 (with --revise: taken from the original release).",
    ),
]
ReleaseOut = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="Folder to write the release into (with --revise: default "
        "ORIGINAL-revised beside it).",
    ),
]
Revise = Annotated[
    Path | None,
    typer.Option(
        "--revise",
        help="An earlier release to rebuild from a later extract (--source), with a "
        "revisions table.",
    ),
]


@app.command()
@user_errors
def release(
    *,
    as_at: ReleaseAsAt = None,
    compare: Compare = "first",
    source: Source,
    corrections: Corrections = None,
    reports: Reports = None,
    additions: Additions = None,
    out: ReleaseOut = None,
    revise: Revise = None,
    cutoff: Cutoff = None,
    period_start: PeriodStart = None,
    period_end: PeriodEnd = None,
    producer: Producer = None,
    assurer: Assurer = None,
    publication_date: PublicationDate = None,
    force: Force = False,
) -> None:
    """The complete LA inspection outcomes release: data, findings, charts, map, QA."""
    from inspection_outcomes.publications.la_outcomes.engine import run_engine
    from inspection_outcomes.publications.la_outcomes.release import write_release

    parse_date(publication_date, "--publication-date")
    extra = None
    if revise is not None:
        run, out, extra, corrections = _revision(
            source, revise, corrections, cutoff, out, reports=reports, additions=additions
        )
    else:
        if as_at is None or out is None:
            raise InputError("--as-at and --out are needed (or --revise ORIGINAL)")
        run = run_engine(
            source,
            _spec(as_at, compare, cutoff, period_start, period_end),
            corrections,
            reports=reports,
            additions=additions,
        )
    if publication_date is None:
        from inspection_outcomes.core.calendar import scheduled

        entry = scheduled("la_inspection_outcomes", run.spec.as_at)
        publication_date = entry.publication_date.isoformat() if entry else None
    result = write_release(
        run,
        out,
        force=force,
        corrections=corrections,
        producer=producer,
        assurer=assurer,
        publication_date=publication_date,
        extra=extra,
    )
    print_release(result)


def _revision(
    source: str,
    revise: Path,
    corrections: Path | None,
    cutoff: str | None,
    out: Path | None,
    *,
    reports: Path | None = None,
    additions: Path | None = None,
) -> tuple[Any, Path, Callable[[Path, dict[str, Any]], None], Path | None]:
    """The engine run of a revision of an earlier release, its folder, the step that writes
    the revisions table into it, and the corrections ledger it used (the original's, unless
    another is given)."""
    from dataclasses import replace

    from inspection_outcomes.publications.la_outcomes.engine import run_engine
    from inspection_outcomes.publications.la_outcomes.revisions import (
        check_completed_alike,
        read_vintage_spec,
    )
    from inspection_outcomes.publications.la_outcomes.revisions_writer import write_revisions

    spec, vintage_ledger = read_vintage_spec(revise)
    check_completed_alike(revise, reports, additions)
    corrections = corrections or vintage_ledger
    given_cutoff = parse_date(cutoff, "--cutoff")
    run = run_engine(source, spec, corrections, reports=reports, additions=additions)
    latest = run.warehouse.value("SELECT max(publication_date) FROM inspection_events")
    spec = replace(spec, publication_cutoff=given_cutoff or max(latest, spec.publication_cutoff))
    run = run_engine(source, spec, corrections, reports=reports, additions=additions)

    def extra(folder: Path, _report: dict[str, Any]) -> None:
        write_revisions(revise, run, folder)

    return run, out or revise.parent / f"{revise.name}-revised", extra, corrections


@app.command()
@user_errors
def simulate(
    *,
    seed: Annotated[
        int, typer.Option("--seed", help="Seed: the same seed gives the same records.")
    ] = 42,
    events: Annotated[
        int | None,
        typer.Option(
            "--events",
            help="About this many events, by copies of the country (default: one copy, real LAs).",
        ),
    ] = None,
    end: Annotated[str, typer.Option("--end", help="Last day of simulated visits.")] = "2026-03-31",
    out: Annotated[Path, typer.Option("--out", help="Folder to write (a simulated:DIR source).")],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing folder.")] = False,
) -> None:
    """Simulated inspection records (events.parquet, local_authorities.parquet, README.txt)."""
    from inspection_outcomes.simulate.output import build as build_simulation

    summary = build_simulation(out, seed, events, end=required_date(end, "--end"), force=force)
    print(
        f"{summary.folder}: {summary.events} simulated events, "
        f"{summary.local_authorities} LAs ({summary.copies} "
        f"{'copy' if summary.copies == 1 else 'copies'} of the country), seed {summary.seed}"
    )


@app.command()
@user_errors
def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for the release.")] = Path(
        "build/demo"
    ),
    seed: Annotated[int, typer.Option("--seed", help="Seed of the simulation.")] = 42,
    as_at: Annotated[str, typer.Option("--as-at", help="The release date.")] = "2024-03-31",
    compare: Compare = "first",
    force: Force = False,
) -> None:
    """A complete release from simulated records (every output says they are simulated)."""
    import shutil
    import tempfile

    from inspection_outcomes.publications.la_outcomes.engine import run_engine
    from inspection_outcomes.publications.la_outcomes.release import write_release
    from inspection_outcomes.simulate.output import build as build_simulation

    spec = _spec(as_at, compare)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "simulated-data"
        build_simulation(data, seed, None, end=spec.publication_cutoff)
        run = run_engine(f"simulated:{data}", spec)

        def copy_source(folder: Path, _report: dict[str, Any]) -> None:
            shutil.copytree(data, folder / "simulated-data")

        result = write_release(
            run, out, force=force, producer="inspection-outcomes demo", extra=copy_source
        )
    print_release(result)
