"""Each LA's inspections and visits as at a release's date, read from the warehouse in one
query: the events included by the cut-off rule (included_events), in date order, and its
graded inspections ordered by recency (the key of store/models/02_event_facts.sql, so that
the most recent is the one the release's figures take).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from inspection_outcomes.model.frameworks import ALL_AREAS, by_id
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from inspection_outcomes.store.inspections import Warehouse


@dataclass(frozen=True)
class Event:
    """One inspection or visit. `judgements` holds the areas its framework version judges
    (graded inspections only), each None where the source does not hold the judgement."""

    event_id: str
    event_type: str
    framework: str | None
    start_date: date | None
    end_date: date | None
    publication_date: date | None
    took_place: date  # the start date; where the source lacks it, the publication date
    graded: bool
    judgements: Mapping[str, str | None]
    themes: tuple[str, ...]
    report_ref: str | None = None  # the report's address or file name, as the source gives it
    #: some dates are bounds, not the days themselves: a record of the additions ledger whose
    #: sources give less (the year), standing at the latest days the evidence allows
    dates_are_bounds: bool = False
    #: which: start_date, end_date, publication_date
    bound_dates: tuple[str, ...] = ()


@dataclass(frozen=True)
class LaEvents:
    """An LA's events in date order, and its graded inspections most recent first."""

    events: tuple[Event, ...] = ()
    graded: tuple[Event, ...] = ()

    @property
    def latest(self) -> Event | None:
        return self.graded[0] if self.graded else None

    @property
    def previous(self) -> Event | None:
        return self.graded[1] if len(self.graded) > 1 else None


_EVENTS_SQL = f"""
SELECT i.la_code, i.event_id, CAST(i.event_type AS VARCHAR) AS event_type, i.framework,
       i.start_date, i.end_date, i.publication_date, i.took_place, i.themes, f.recency,
       e.report_ref,
       {", ".join(f"e.{a}" for a in ALL_AREAS)}
FROM included_events(?, ?) AS i
JOIN event_facts AS f ON f.event_row = i.event_row
JOIN events AS e ON e.event_row = i.event_row
{{where}}
ORDER BY i.la_code, i.took_place, i.end_date NULLS FIRST, i.publication_date, i.event_id
"""


def _event(r: dict[str, Any], bounds: Mapping[str, tuple[str, ...]]) -> Event:
    graded = r["recency"] is not None
    version = by_id().get(r["framework"] or "")
    areas = version.judgements if graded and version else ()
    return Event(
        event_id=r["event_id"],
        event_type=r["event_type"],
        framework=r["framework"],
        start_date=r["start_date"],
        end_date=r["end_date"],
        publication_date=r["publication_date"],
        took_place=r["took_place"],
        graded=graded,
        judgements={a: r[a] or None for a in areas},
        themes=tuple(t.strip() for t in (r["themes"] or "").split(";") if t.strip()),
        report_ref=r["report_ref"],
        dates_are_bounds=bool(bounds.get(r["event_id"])),
        bound_dates=bounds.get(r["event_id"], ()),
    )


def as_at_query(
    spec: ReleaseSpec, column: str, codes: Iterable[str] | None
) -> tuple[str, list[object]]:
    """The WHERE clause keeping the rows of some LAs (none: every LA), and the parameters
    of a query over a release's date and cut-off."""
    params: list[object] = [spec.as_at, spec.publication_cutoff]
    if codes is None:
        return "", params
    return (f"WHERE {column} IN (SELECT unnest(?::VARCHAR[]))", [*params, sorted(set(codes))])


def la_events(
    wh: Warehouse, spec: ReleaseSpec, codes: Iterable[str] | None = None
) -> dict[str, LaEvents]:
    """The events of every LA (or of the LAs with these GSS codes) as at the spec's date."""
    where, params = as_at_query(spec, "i.la_code", codes)
    history = wh.source.history
    bounds = {a.event.event_id: a.bound_dates for a in (history.additions if history else [])}
    by_la: dict[str, list[tuple[int | None, Event]]] = {}
    for r in wh.rows(_EVENTS_SQL.format(where=where), params):
        by_la.setdefault(r["la_code"], []).append((r["recency"], _event(r, bounds)))
    return {
        code: LaEvents(
            events=tuple(e for _, e in rows),
            graded=tuple(
                e
                for _, e in sorted(
                    ((k, e) for k, e in rows if k is not None), key=lambda p: p[0], reverse=True
                )
            ),
        )
        for code, rows in by_la.items()
    }
