"""The canonical inspection event: one row per inspection or visit of an LA's children's services.

Every source adapter produces these records; every later layer reads only them. The schema is
documented in docs/canonical-records.md (a test keeps the two in step).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from inspection_outcomes.model.frameworks import ALL_AREAS

#: (column, DuckDB type, meaning) in canonical order.
SCHEMA: tuple[tuple[str, str, str], ...] = (
    ("event_id", "VARCHAR", "Stable identifier of the event within its source"),
    ("la_code", "VARCHAR", "GSS code of the local authority inspected"),
    ("la_name", "VARCHAR", "Name of the local authority"),
    (
        "event_type",
        "VARCHAR",
        "standard_inspection, short_inspection, focused_visit, "
        "monitoring_visit, sif_inspection or cpi_inspection",
    ),
    ("framework", "VARCHAR", "Framework version (cpi, sif, ilacs_2018, ilacs_2023, ilacs_2026)"),
    ("start_date", "DATE", "First day of the inspection or visit"),
    ("end_date", "DATE", "Last day of the inspection or visit"),
    ("publication_date", "DATE", "Date the report or letter was published"),
    (
        "overall_effectiveness",
        "VARCHAR",
        "Judgement: outstanding, good, requires_improvement, inadequate, or empty where not given",
    ),
    ("impact_of_leaders", "VARCHAR", "Judgement: impact of leaders on social work practice"),
    ("help_and_protection", "VARCHAR", "Judgement: children who need help and protection"),
    (
        "children_in_care",
        "VARCHAR",
        "Judgement: children in care (ILACS 2018: children in care "
        "and care leavers; SIF: children looked after and achieving permanence)",
    ),
    ("care_leavers", "VARCHAR", "Judgement: care leavers (ILACS from January 2023; SIF)"),
    ("adoption_performance", "VARCHAR", "Judgement: adoption performance (SIF only)"),
    (
        "leadership_management_governance",
        "VARCHAR",
        "Judgement: leadership, management and governance (SIF only)",
    ),
    (
        "themes",
        "VARCHAR",
        "Focused visit themes, separated by ';' (front_door, "
        "children_in_need_or_subject_to_a_plan, achieving_permanence, children_in_care, "
        "care_leavers)",
    ),
    ("source_file", "VARCHAR", "File the record was read from"),
    ("source_row", "INTEGER", "Row (1-based, header is row 1) or page of the source file"),
    ("report_ref", "VARCHAR", "Reference of the published report (address or file name)"),
)

COLUMNS = tuple(name for name, _, _ in SCHEMA)
DATE_COLUMNS = ("start_date", "end_date", "publication_date")
JUDGEMENT_COLUMNS = ALL_AREAS


@dataclass
class InspectionEvent:
    event_id: str
    la_code: str
    la_name: str
    event_type: str
    framework: str | None
    start_date: date | None
    end_date: date | None
    publication_date: date | None
    overall_effectiveness: str | None = None
    impact_of_leaders: str | None = None
    help_and_protection: str | None = None
    children_in_care: str | None = None
    care_leavers: str | None = None
    adoption_performance: str | None = None
    leadership_management_governance: str | None = None
    themes: str | None = None
    source_file: str = ""
    source_row: int | None = None
    report_ref: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def as_row(self) -> tuple[object, ...]:
        return tuple(getattr(self, c) for c in COLUMNS)

    def judgement(self, area: str) -> str | None:
        value: str | None = getattr(self, area)
        return value


def ddl(table: str = "events") -> str:
    """CREATE TABLE statement for the canonical events table."""
    cols = ",\n    ".join(f"{name} {typ}" for name, typ, _ in SCHEMA)
    return f"CREATE TABLE {table} (\n    {cols}\n)"
