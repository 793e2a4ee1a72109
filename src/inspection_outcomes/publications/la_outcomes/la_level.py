"""The LA-level file people can use: one row per local authority and as-at date, with each
judgement as its label, the inspection's dates, type and framework, and the judgement before.

Beside the EES tidy files (which count LAs by judgement), this is the file to open in a
spreadsheet to look an LA up: `data/la_inspection_outcomes.csv` with its `.meta.csv`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from inspection_outcomes.model.frameworks import EVENT_TYPE_LABELS, by_id
from inspection_outcomes.model.scale import LABELS
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from inspection_outcomes.safe_text import csv_text
from inspection_outcomes.store.inspections import Warehouse

NAME = "la_inspection_outcomes"
#: Written where a record holds no value: the framework gives no such judgement, the LA has
#: no inspection yet, or the source does not hold it.
NOT_JUDGED = "not judged"
NOT_INSPECTED = "not yet inspected"
NOT_HELD = "not held by the source"
NO_PREVIOUS = "no earlier graded inspection"
JUDGEMENT_AREAS = (
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
    "adoption_performance",
    "leadership_management_governance",
)
#: (column, label, description) in file order.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    (
        "as_at",
        "As at",
        "The date of the snapshot (ISO): each LA's most recent graded inspection "
        "that took place by then with a report published by the cut-off",
    ),
    ("publication_cutoff", "Publication cut-off", "The last publication date counted"),
    ("la_code", "LA code", "GSS code of the local authority"),
    ("old_la_code", "Old LA code", "Department for Education 3-digit code"),
    ("la_name", "Local authority", "Name of the local authority"),
    ("region", "Region", "Ofsted region"),
    ("inspection_start_date", "Inspection start", "First day of the most recent graded inspection"),
    ("inspection_end_date", "Inspection end", "Last day of that inspection"),
    ("publication_date", "Report published", "Publication date of its report"),
    (
        "inspection_type",
        "Inspection type",
        "Standard or short inspection (ILACS); SIF or CPI inspection before ILACS",
    ),
    ("framework", "Framework", "The inspection framework version of that inspection"),
    *(
        (
            area,
            area.replace("_", " ").capitalize(),
            f"Judgement: {area.replace('_', ' ')}; "
            f"'{NOT_JUDGED}' where the framework gives none, '{NOT_HELD}' where the source lacks "
            "it",
        )
        for area in JUDGEMENT_AREAS
    ),
    (
        "previous_inspection_start_date",
        "Previous inspection start",
        "First day of the graded inspection before the most recent one",
    ),
    ("previous_framework", "Previous framework", "Its framework version"),
    (
        "previous_overall_effectiveness",
        "Previous overall effectiveness",
        f"Its overall effectiveness judgement; '{NO_PREVIOUS}' where there is none, "
        f"'{NOT_HELD}' where the source lacks it",
    ),
)

#: The SIF's own judgement areas are not in the inspection events view: read from the records.
_TABLE = {"adoption_performance": "sif", "leadership_management_governance": "sif"}
_SQL = """
WITH ranked AS (
    SELECT la_id, event_row,
           row_number() OVER (PARTITION BY la_id ORDER BY recency DESC) AS n
    FROM graded_inspections
    WHERE included(took_place, publication_date, ?, ?)
)
SELECT la.la_code, la.old_la_code, la.name AS la_name, la.region,
       cur.start_date, cur.end_date, cur.publication_date, cur.event_type, cur.framework,
       {current},
       r2.event_row AS previous_event_row, prev.start_date AS previous_start_date, prev.framework AS previous_framework,
       prev.overall_effectiveness AS previous_overall_effectiveness
FROM las_on(?) AS la
LEFT JOIN ranked AS r1 ON r1.la_id = la.la_id AND r1.n = 1
LEFT JOIN inspection_events AS cur ON cur.event_row = r1.event_row
LEFT JOIN events AS sif ON sif.event_row = r1.event_row
LEFT JOIN ranked AS r2 ON r2.la_id = la.la_id AND r2.n = 2
LEFT JOIN inspection_events AS prev ON prev.event_row = r2.event_row
ORDER BY la.region, la.name, la.la_code
"""


def la_level_rows(wh: Warehouse, spec: ReleaseSpec) -> list[dict[str, Any]]:
    """The rows for the release's date and the two 31 Marches before it, latest first."""
    sql = _SQL.format(current=", ".join(f"{_TABLE.get(a, 'cur')}.{a}" for a in JUDGEMENT_AREAS))
    out = []
    for s in (spec, spec.earlier(1), spec.earlier(2)):
        for r in wh.rows(sql, [s.as_at, s.publication_cutoff, s.as_at]):
            out.append(_row(r, s.as_at, s.publication_cutoff))
    return out


def _label(value: str | None, framework: str | None, area: str, inspected: bool) -> str:
    if not inspected:
        return NOT_INSPECTED
    if value:
        return LABELS.get(value, value)
    judges = framework in by_id() and area in by_id()[framework].judgements
    return NOT_HELD if judges else NOT_JUDGED


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else ""


def _row(r: dict[str, Any], as_at: date, cutoff: date) -> dict[str, Any]:
    inspected = r["event_type"] is not None
    fw = r["framework"]
    row = {
        "as_at": as_at.isoformat(),
        "publication_cutoff": cutoff.isoformat(),
        "la_code": r["la_code"],
        "old_la_code": r["old_la_code"] or "",
        "la_name": r["la_name"],
        "region": r["region"],
        "inspection_start_date": _day(r["start_date"]),
        "inspection_end_date": _day(r["end_date"]),
        "publication_date": _day(r["publication_date"]),
        "inspection_type": EVENT_TYPE_LABELS.get(r["event_type"], "")
        if inspected
        else NOT_INSPECTED,
        "framework": by_id()[fw].name if fw in by_id() else "",
        "previous_inspection_start_date": _day(r["previous_start_date"]),
        "previous_framework": by_id()[r["previous_framework"]].name
        if r["previous_framework"] in by_id()
        else "",
        "previous_overall_effectiveness": _previous(r),
    }
    row.update({a: _label(r[a], fw, a, inspected) for a in JUDGEMENT_AREAS})
    return row


def _previous(r: dict[str, Any]) -> str:
    if r["previous_event_row"] is None:
        return NO_PREVIOUS
    return LABELS.get(r["previous_overall_effectiveness"] or "", NOT_HELD)


def la_level_files(rows: list[dict[str, Any]]) -> dict[str, str]:
    """The file and its .meta.csv (column, label, description), as text."""
    names = [c for c, _, _ in COLUMNS]
    return {
        f"{NAME}.csv": csv_text(names, ([r[c] for c in names] for r in rows)),
        f"{NAME}.meta.csv": csv_text(("col_name", "label", "description"), COLUMNS),
    }
