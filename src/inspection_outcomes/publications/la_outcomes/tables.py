"""The three datasets of the underlying data, from the warehouse's models."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.publications.la_outcomes.la_level import la_level_rows
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from inspection_outcomes.store.inspections import Warehouse

#: Columns of the per-LA datasets (judgements are keys of model.scale.JUDGEMENTS or None).
AS_AT_COLUMNS = (
    "la_code",
    "old_la_code",
    "la_name",
    "region",
    "event_type",
    "start_date",
    "end_date",
    "publication_date",
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
)


IN_YEAR_COLUMNS = (
    "la_code",
    "old_la_code",
    "la_name",
    "region",
    "event_type",
    "start_date",
    "end_date",
    "publication_date",
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
    "themes",
)


HISTORY_COLUMNS = (
    "la_code",
    "old_la_code",
    "la_name",
    "region",
    "event_type",
    "framework",
    "start_date",
    "end_date",
    "publication_date",
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
)


def _iso(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for r in rows:
        for k, v in r.items():
            if hasattr(v, "isoformat"):
                r[k] = v.isoformat()
    return rows


def build_tables(wh: Warehouse, spec: ReleaseSpec) -> dict[str, list[dict[str, Any]]]:
    as_at = _iso(
        wh.rows(
            """
        SELECT a.la_code, a.old_la_code, a.la_name, a.region,
               i.event_type, i.start_date, i.end_date, i.publication_date,
               a.overall_effectiveness, a.impact_of_leaders, a.help_and_protection,
               a.children_in_care, a.care_leavers
        FROM as_at_judgements(?, ?) AS a
        LEFT JOIN (SELECT la_id, recency, min(event_row) AS event_row
                   FROM graded_inspections GROUP BY ALL) AS g
               ON g.la_id = a.la_id AND g.recency = a.overall_recency
        LEFT JOIN inspection_events AS i ON i.event_row = g.event_row
        ORDER BY a.region, a.la_name
        """,
            [spec.as_at, spec.publication_cutoff],
        )
    )
    in_year = _iso(
        wh.rows(
            f"""SELECT {", ".join(IN_YEAR_COLUMNS)} FROM in_year_events(?, ?, ?)
        ORDER BY start_date, la_name, event_type""",
            [spec.period_start, spec.period_end, spec.publication_cutoff],
        )
    )
    history_sql = f"""
        SELECT {
        ", ".join(
            "i." + c
            if c not in ("la_name", "region", "old_la_code")
            else ("la.name AS la_name" if c == "la_name" else "la." + c)
            for c in HISTORY_COLUMNS
        )
    }
        FROM included_events(?, ?) AS i
        JOIN local_authorities AS la ON la.la_code = i.la_code
        WHERE i.event_type IN ('standard_inspection', 'short_inspection')
          AND la.la_code {{op}} (SELECT la_code FROM las_on(?))
        ORDER BY la.name, i.start_date
    """
    args = [spec.as_at, spec.publication_cutoff, spec.as_at]
    history = _iso(wh.rows(history_sql.format(op="IN"), args))
    former = _iso(wh.rows(history_sql.format(op="NOT IN"), args))
    for r in as_at:
        r.update({c: r.get(c) for c in AS_AT_COLUMNS if c not in r})
    return {
        "as_at": as_at,
        "in_year": in_year,
        "history": history,
        "history_former": former,
        "la_level": la_level_rows(wh, spec),
    }
