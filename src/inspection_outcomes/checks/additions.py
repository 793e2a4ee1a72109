"""The additions ledger: inspections that neither the scraped history nor the reports hold.

Each row is one inspection with its evidence: where it is stated (`source`: addresses or
citations), the words that state it (`quote`) and how the row was made from them
(`evidence`). `dates` says which dates are bounds: `stated` (the sources give every one),
`bounds` (they give less, such as the year: each date is then the latest day the evidence
allows, and `evidence` says how it was found; start_date may be empty and the record then
stands at its publication bound, never earlier than it can have been), `inspection_bounds`
(the inspection's days are bounds, its publication date stated) or `publication_bound` (the
inspection's days stated, its publication date a bound).
Records built from the ledger are secondary-source records, and the QA report lists them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from inspection_outcomes.errors import InputError
from inspection_outcomes.model import frameworks, local_authorities
from inspection_outcomes.model.events import JUDGEMENT_COLUMNS, InspectionEvent
from inspection_outcomes.model.scale import JUDGEMENTS
from inspection_outcomes.safe_text import csv_cell_read, plain_text

#: The value of `dates` -> the dates it makes bounds (the latest days the evidence allows).
BOUND_DATES: dict[str, tuple[str, ...]] = {
    "stated": (),
    "bounds": ("start_date", "end_date", "publication_date"),
    "inspection_bounds": ("start_date", "end_date"),
    "publication_bound": ("publication_date",),
}
DATES = tuple(BOUND_DATES)
ADDITION_COLUMNS = (
    "record",
    "la_code",
    "event_type",
    "framework",
    "start_date",
    "end_date",
    "publication_date",
    "dates",
    *JUDGEMENT_COLUMNS,
    "source",
    "quote",
    "evidence",
    "date",
)
REQUIRED: tuple[str, ...] = (
    *("record", "la_code", "event_type", "framework", "end_date", "publication_date"),
    *("dates", "source", "quote", "evidence"),
)


@dataclass(frozen=True)
class Addition:
    """One row of the ledger: the record it adds, and where that record is stated."""

    event: InspectionEvent
    dates: str
    source: str
    quote: str
    evidence: str
    date: str
    ledger_row: int

    @property
    def bound_dates(self) -> tuple[str, ...]:
        """The dates that are bounds, not the days themselves."""
        return BOUND_DATES[self.dates]

    def as_dict(self) -> dict[str, object]:
        e = self.event
        return {
            "record": e.event_id,
            "la_code": e.la_code,
            "la_name": e.la_name,
            "event_type": e.event_type,
            "framework": e.framework,
            "start_date": e.start_date.isoformat() if e.start_date else "",
            "end_date": e.end_date.isoformat() if e.end_date else "",
            "publication_date": e.publication_date.isoformat() if e.publication_date else "",
            "dates": self.dates,
            "judgements": {j: getattr(e, j) for j in JUDGEMENT_COLUMNS if getattr(e, j)},
            "source": self.source,
            "quote": self.quote,
            "evidence": self.evidence,
            "date": self.date,
        }


def _fail(path: Path, row: int, field: str, message: str) -> InputError:
    return InputError(message, file=path, row=row, field=field)


def _day(path: Path, row: int, field: str, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(path, row, field, f"'{value}' is not an ISO date YYYY-MM-DD") from None


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise InputError("no such additions ledger", file=path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in ADDITION_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(
                    f"not an additions ledger: missing column(s) {', '.join(missing)}", file=path
                )
            return list(reader)
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", file=path) from None
    except csv.Error as e:
        raise InputError(f"not a CSV file ({e})", file=path) from None


def _check(path: Path, i: int, r: dict[str, str]) -> local_authorities.LocalAuthority:
    """Every field of one row as the canonical records allow; the row's LA."""
    for c in REQUIRED:
        if not r[c]:
            raise _fail(path, i, c, "empty (every addition needs it)")
    if r["dates"] not in DATES:
        raise _fail(path, i, "dates", f"'{r['dates']}' is not one of {', '.join(DATES)}")
    if "start_date" not in BOUND_DATES.get(r["dates"], ()) and not r["start_date"]:
        raise _fail(path, i, "start_date", "empty (stated dates need the first day)")
    if r["event_type"] not in frameworks.EVENT_TYPES:
        raise _fail(path, i, "event_type", "not one of " + ", ".join(frameworks.EVENT_TYPES) + "")
    names = [f.framework for f in frameworks.framework_versions()]
    if r["framework"] not in names:
        raise _fail(path, i, "framework", "not one of " + ", ".join(names))
    for j in JUDGEMENT_COLUMNS:
        if r[j] not in (*JUDGEMENTS, ""):
            raise _fail(path, i, j, f"'{r[j]}' is not a judgement ({', '.join(JUDGEMENTS)})")
    la = local_authorities.resolve_code(r["la_code"])
    if la is None:
        raise _fail(path, i, "la_code", f"'{r['la_code']}' is not a known LA code")
    return la


def read_additions(path: Path) -> list[Addition]:
    """Read and validate an additions ledger: one clear error naming file, row and field."""
    out: list[Addition] = []
    seen: set[str] = set()
    for i, raw in enumerate(_rows(path), start=2):
        r = {
            c: plain_text(csv_cell_read(raw.get(c) or ""), file=path, row=i, field=c).strip()
            for c in ADDITION_COLUMNS
        }
        la = _check(path, i, r)
        if r["record"] in seen:
            raise _fail(path, i, "record", f"'{r['record']}' is added twice")
        seen.add(r["record"])
        start = _day(path, i, "start_date", r["start_date"])
        end = _day(path, i, "end_date", r["end_date"])
        published = _day(path, i, "publication_date", r["publication_date"])
        if start and end and end < start:
            raise _fail(path, i, "end_date", "before start_date")
        if end and published and published < end:
            raise _fail(path, i, "publication_date", "before end_date")
        judgements: dict[str, str | None] = {j: (r[j] or None) for j in JUDGEMENT_COLUMNS}
        event = InspectionEvent(
            event_id=r["record"],
            la_code=la.la_code,
            la_name=la.name,
            event_type=r["event_type"],
            framework=r["framework"],
            start_date=start,
            end_date=end,
            publication_date=published,
            source_file=path.name,
            source_row=i,
            report_ref=r["source"],
        )
        for j, v in judgements.items():
            setattr(event, j, v)
        out.append(
            Addition(event, r["dates"], r["source"], r["quote"], r["evidence"], r["date"], i)
        )
    return out
