"""Adapter for the Data to Insight (D2I) ILACS scrape: one row per published report.

The scrape reads grades out of report PDFs and fails on some: it writes 'data_unreadable',
blanks, or garbled text such as 'to requires improvement'. Rows before 2018 (SIF and CPI
reports) carry no readable type, dates or grades. Each such field is flagged as an anomaly
naming file, row and field; the record is kept, so a correction or a later rule can use it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from inspection_outcomes.checks.anomalies import Anomaly
from inspection_outcomes.errors import InputError
from inspection_outcomes.model import frameworks, local_authorities
from inspection_outcomes.model.events import InspectionEvent
from inspection_outcomes.model.scale import parse_grade
from inspection_outcomes.safe_text import too_long

REQUIRED_COLUMNS = (
    "urn",
    "local_authority",
    "pdf_filename",
    "publication_date",
    "inspection_framework",
    "inspection_start_date",
    "inspection_end_date",
    "overall_effectiveness_grade",
    "impact_of_leaders_grade",
    "help_and_protection_grade",
    "in_care_grade",
    "care_leavers_grade",
)

#: D2I grade column -> canonical judgement area (ILACS meaning).
GRADE_COLUMNS = {
    "overall_effectiveness_grade": "overall_effectiveness",
    "impact_of_leaders_grade": "impact_of_leaders",
    "help_and_protection_grade": "help_and_protection",
    "in_care_grade": "children_in_care",
    "care_leavers_grade": "care_leavers",
}

TYPES = {"standard": "standard_inspection", "short": "short_inspection"}
#: The scrape's label for an inspection whose on-site time exceeded the standard framework's.
LONG_STANDARD = "inspection duration longer than standard framework"
#: Markers the scrape writes instead of a grade, and what they mean.
NOT_GIVEN = {"not_reported_post_reform", "inspection_pre_dates_judgement"}
UNREADABLE = {"data_unreadable"}
#: Reports published before this date are of the child protection inspection (CPI).
SIF_FIRST_REPORTS = date(2014, 1, 1)


def _read_date(text: str, fmt: str, file: Path, row: int, field: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.strptime(text, fmt).date()
    except ValueError:
        shown = (
            fmt.replace("%d", "DD").replace("%m", "MM").replace("%Y", "YYYY").replace("%y", "YY")
        )
        raise InputError(
            f"'{text}' is not a date ({shown} expected)", file=file, row=row, field=field
        ) from None


def _read_rows(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    """The CSV's rows and header; a cell no D2I field could hold is refused where it is."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            try:
                rows = list(reader)
            except csv.Error as e:
                raise InputError(
                    f"not a readable CSV row ({e})", file=path, row=reader.reader.line_num
                ) from None
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 text ({e.reason} at byte {e.start})", file=path) from None
    header = list(reader.fieldnames or [])
    for i, r in enumerate(rows, start=2):
        for column, value in r.items():
            problem = too_long(value) if isinstance(value, str) else None
            if problem:
                raise InputError(problem, file=path, row=i, field=column)
    return rows, header


@dataclass
class _Row:
    """One row of the file being read: where it is, and the anomalies found in it so far."""

    path: Path
    number: int
    cells: dict[str, str]
    found: list[Anomaly] = field(default_factory=list)

    def flag(self, column: str, value: str, problem: str, effect: str = "") -> None:
        self.found.append(
            Anomaly(self.path.name, self.number, column, value, problem, effect=effect)
        )

    def error(self, message: str, column: str) -> InputError:
        return InputError(message, file=self.path, row=self.number, field=column)

    def date(self, column: str, fmt: str) -> date | None:
        return _read_date(self.cells[column], fmt, self.path, self.number, column)


def _dates(row: _Row) -> tuple[date, date | None, date | None]:
    """Publication, start and end dates, in an order that can have happened."""
    published = row.date("publication_date", "%d/%m/%y")
    start = row.date("inspection_start_date", "%d/%m/%Y")
    end = row.date("inspection_end_date", "%d/%m/%Y")
    if published is None:
        raise row.error("publication date missing (DD/MM/YY expected)", "publication_date")
    if start and end and end < start:
        raise row.error(
            f"inspection ends ({end}) before it starts ({start})", "inspection_end_date"
        )
    if end and published < end:
        raise row.error(
            f"report published ({published}) before the inspection ended ({end})",
            "publication_date",
        )
    return published, start, end


def _local_authority(row: _Row, on: date) -> local_authorities.LocalAuthority:
    """The LA the row names (on the inspection's date); a URN that disagrees is flagged."""
    name = row.cells["local_authority"].strip()
    la = local_authorities.resolve(name, on=on)
    if la is None:
        raise row.error(
            f"unknown local authority '{name}' (not in the LA reference table)", "local_authority"
        )
    urn = row.cells["urn"].strip()
    if urn and la.ofsted_urn and urn != la.ofsted_urn:
        row.flag(
            "urn",
            row.cells["urn"],
            f"URN differs from {la.name}'s ({la.ofsted_urn})",
            "the LA name is used",
        )
    return la


def _event_type(
    row: _Row, published: date, start: date | None
) -> tuple[str | None, frameworks.FrameworkVersion | None]:
    """The event type and framework: from the dates for the frameworks before ILACS (whose
    reports the scrape cannot read), else from the scrape's type column."""
    raw = row.cells["inspection_framework"].strip()
    framework = frameworks.framework_on(start) if start else None
    event_type: str | None
    if start is None and published < date(2018, 1, 1):
        event_type = "cpi_inspection" if published < SIF_FIRST_REPORTS else "sif_inspection"
        framework = frameworks.by_id()["cpi" if event_type == "cpi_inspection" else "sif"]
        row.flag(
            "inspection_framework",
            raw,
            "report before ILACS: type, dates and grades not read by the source",
            f"read as {event_type} from the publication date",
        )
    elif framework is not None and not framework.is_ilacs:
        event_type = "sif_inspection" if framework.framework == "sif" else "cpi_inspection"
        row.flag(
            "inspection_framework",
            raw,
            f"inspection started {start}, before ILACS",
            f"read as {event_type}",
        )
    elif raw in TYPES:
        event_type = TYPES[raw]
    elif raw == LONG_STANDARD:
        event_type = "standard_inspection"
        row.flag(
            "inspection_framework",
            raw,
            "not a type of ILACS inspection",
            "read as standard_inspection (longer than a short inspection)",
        )
    else:
        event_type = None
        row.flag(
            "inspection_framework",
            raw,
            "inspection type missing or unknown",
            "left out of the figures until corrected",
        )
    if start is None and event_type not in ("cpi_inspection", "sif_inspection"):
        row.flag(
            "inspection_start_date",
            "",
            "inspection dates missing",
            "left out of the figures until corrected",
        )
    return event_type, framework


def _grade(
    row: _Row, column: str, area: str, framework: frameworks.FrameworkVersion | None, typed: bool
) -> str | None:
    """One grade cell as a judgement of the framework, or None with the reason flagged."""
    raw = row.cells[column].strip()
    grade = parse_grade(raw) if raw else None
    judges = framework is None or area in framework.judgements
    if grade is not None:
        if judges:
            return grade
        assert framework is not None
        row.flag(column, raw, f"{framework.name} gives no such judgement", "grade ignored")
    elif not judges:
        pass  # not a judgement of this framework: nothing expected
    elif raw in NOT_GIVEN:
        if framework:
            row.flag(column, raw, f"marked not given, but {framework.name} gives it", "no grade")
    elif framework is not None or typed or raw:
        problem = (
            "grade not read by the source"
            if raw in UNREADABLE or not raw
            else "not a grade (garbled)"
        )
        row.flag(column, raw, problem, "no grade until corrected")
    return None


def _grades(
    row: _Row, framework: frameworks.FrameworkVersion | None, event_type: str | None
) -> dict[str, str | None]:
    """Every grade column as the framework's judgement (leadership under the SIF)."""
    grades: dict[str, str | None] = {}
    for column, area in GRADE_COLUMNS.items():
        if framework and not framework.is_ilacs and area == "impact_of_leaders":
            area = "leadership_management_governance"
        grades[area] = _grade(row, column, area, framework, event_type is not None)
    return grades


def _raw_values(event_id: str, cells: dict[str, str]) -> list[tuple[str, str, str]]:
    """The fields a correction may change, as the source wrote them."""
    out = [
        (event_id, "event_type", cells["inspection_framework"].strip()),
        (event_id, "start_date", cells["inspection_start_date"].strip()),
        (event_id, "end_date", cells["inspection_end_date"].strip()),
    ]
    return out + [(event_id, area, cells[column].strip()) for column, area in GRADE_COLUMNS.items()]


def read_d2i(
    path: Path,
) -> tuple[list[InspectionEvent], list[Anomaly], list[tuple[str, str, str]]]:
    """Read the D2I history CSV: canonical records, anomalies, and the raw values of fields.

    The raw values (event_id, canonical field, text as written) let the corrections ledger
    check that the value it corrects is the one the source holds.
    """
    rows, header = _read_rows(path)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise InputError(
            f"not a D2I ILACS history file: missing column(s) {', '.join(missing)}", file=path
        )
    events: list[InspectionEvent] = []
    anomalies: list[Anomaly] = []
    raw_values: list[tuple[str, str, str]] = []
    seen: dict[str, int] = {}
    for i, cells in enumerate(rows, start=2):
        row = _Row(path, i, cells)
        published, start, end = _dates(row)
        la = _local_authority(row, start or published)
        event_id = f"d2i:{cells['urn'].strip()}:{published.isoformat()}"
        if event_id in seen:
            raise row.error(
                f"duplicate report: same LA and publication date as row {seen[event_id]}",
                "publication_date",
            )
        seen[event_id] = i
        event_type, framework = _event_type(row, published, start)
        grades = _grades(row, framework, event_type)
        events.append(
            InspectionEvent(
                event_id=event_id,
                la_code=la.la_code,
                la_name=la.name,
                event_type=event_type or "",
                framework=framework.framework if framework else None,
                start_date=start,
                end_date=end,
                publication_date=published,
                source_file=path.name,
                source_row=i,
                report_ref=cells.get("inspection_link") or cells["pdf_filename"],
                overall_effectiveness=grades.get("overall_effectiveness"),
                impact_of_leaders=grades.get("impact_of_leaders"),
                help_and_protection=grades.get("help_and_protection"),
                children_in_care=grades.get("children_in_care"),
                care_leavers=grades.get("care_leavers"),
                leadership_management_governance=grades.get("leadership_management_governance"),
            )
        )
        anomalies.extend(replace(a, record=event_id) for a in row.found)
        raw_values += _raw_values(event_id, cells)
    return events, anomalies, raw_values
