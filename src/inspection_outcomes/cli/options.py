"""The options the commands share, each declared once, and the parsing every command uses.

An option is a type alias (`typing.Annotated` with its `typer.Option`): a command takes
`as_at: AsAt`, so a new common option, or a change to one, is made here once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from inspection_outcomes.errors import InputError, ReleaseError

FORMATS = ("json", "table")

AsAt = Annotated[str, typer.Option("--as-at", help="The release date, e.g. 2024-03-31.")]
Source = Annotated[
    str,
    typer.Option(
        "--source",
        help="KIND:PATH, e.g. d2i:history.csv, canonical:events.parquet, "
        "reports:DIR, simulated:DIR.",
    ),
]
ProviderSource = Annotated[
    str,
    typer.Option(
        "--source",
        help="Provider-level data as at the date: ofsted-providers:PATH (CSV, ODS or XLSX).",
    ),
]
Corrections = Annotated[
    Path | None, typer.Option("--corrections", help="Corrections ledger (CSV).")
]
Reports = Annotated[
    Path | None,
    typer.Option(
        "--reports",
        help="Published reports to combine with the source: a folder of PDFs (its reading "
        "cached) or a records CSV from 'outcomes reports extract'. A report beats the "
        "scraped row of the same inspection; a correction beats both.",
    ),
]
Additions = Annotated[
    Path | None,
    typer.Option(
        "--additions",
        help="Additions ledger (CSV): inspections neither source holds, with their evidence.",
    ),
]
Compare = Annotated[
    str, typer.Option("--compare", help="Change since the 'first' or 'previous' ILACS inspection.")
]
Cutoff = Annotated[
    str | None, typer.Option("--cutoff", help="Publication cut-off (default: 3 months after).")
]
PeriodStart = Annotated[
    str | None,
    typer.Option(
        "--period-start",
        help="In-year period start (default: the 1 April on or before the as-at date).",
    ),
]
PeriodEnd = Annotated[
    str | None, typer.Option("--period-end", help="In-year period end (default: as-at).")
]
AllowOtherPeriod = Annotated[
    bool,
    typer.Option(
        "--allow-other-period",
        help="Accept in-year data for a year that does not hold the as-at date (e.g. 2024-25 "
        "events for a release as at 31 March 2024).",
    ),
]
Format = Annotated[str, typer.Option("--format", help="json or table.")]
Out = Annotated[Path, typer.Option("--out", help="Folder to write the release into.")]
Force = Annotated[bool, typer.Option("--force", help="Replace an existing release.")]
Producer = Annotated[str | None, typer.Option("--producer", help="Who produced the release.")]
Assurer = Annotated[
    str | None, typer.Option("--assurer", help="Who assured it (a different person).")
]
PublicationDate = Annotated[
    str | None, typer.Option("--publication-date", help="Publication date (YYYY-MM-DD).")
]

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


def parse_date(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option's date (None when not given); an InputError naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} '{value}' is not a date (YYYY-MM-DD expected)") from None


def required_date(value: str, option: str) -> date:
    day = parse_date(value, option)
    assert day is not None
    return day


def check_format(format: str) -> None:
    if format not in FORMATS:
        raise InputError(f"--format '{format}' is not 'json' or 'table'")


def print_release(result: Any) -> None:
    """What a release command wrote, on stderr: folder, files, status and stage times."""
    from rich.console import Console

    c = Console(stderr=True)
    c.print(f"Release written to {result.out} ({len(result.files)} files, status {result.status})")
    c.print("Stages: " + ", ".join(f"{k} {v:.2f}s" for k, v in result.stage_seconds.items()))
