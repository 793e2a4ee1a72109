"""The release calendar (a configuration file): pre-announced publication dates."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from inspection_outcomes.errors import InputError
from inspection_outcomes.safe_text import plain_text

CALENDAR = Path(
    str(resources.files("inspection_outcomes").joinpath("config", "release_calendar.csv"))
)


@dataclass(frozen=True)
class CalendarEntry:
    release: str
    as_at: date
    publication_cutoff: date | None
    publication_date: date
    notes: str


def read_calendar(path: Path = CALENDAR) -> list[CalendarEntry]:
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for i, r in enumerate(csv.DictReader(f), start=2):
            for column, value in r.items():
                if isinstance(value, str):
                    plain_text(value, file=path, row=i, field=column)
            try:
                out.append(
                    CalendarEntry(
                        r["release"],
                        date.fromisoformat(r["as_at"]),
                        date.fromisoformat(r["publication_cutoff"])
                        if r["publication_cutoff"]
                        else None,
                        date.fromisoformat(r["publication_date"]),
                        r["notes"],
                    )
                )
            except (KeyError, ValueError) as e:
                raise InputError(f"not a release calendar entry ({e})", file=path, row=i) from None
    return out


def scheduled(release: str, as_at: date, path: Path = CALENDAR) -> CalendarEntry | None:
    """The calendar's entry for a release as at a date, if it is announced."""
    for e in read_calendar(path):
        if e.release == release and e.as_at == as_at:
            return e
    return None
