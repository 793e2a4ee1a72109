"""Adapter for the Data to Insight (D2I) ILACS scrape: one row per published report.

The scrape reads grades out of report PDFs and fails on some: it writes 'data_unreadable',
blanks, or garbled text such as 'to requires improvement'. Rows before 2018 (SIF and CPI
reports) carry no readable type, dates or grades. Each such field is flagged as an anomaly
naming file, row and field; the record is kept, so a correction or a later rule can use it.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from inspection_outcomes.checks.anomalies import Anomaly
from inspection_outcomes.errors import InputError
from inspection_outcomes.model import frameworks, local_authorities
from inspection_outcomes.model.events import InspectionEvent
from inspection_outcomes.model.scale import parse_grade
from inspection_outcomes.safe_text import too_long

REQUIRED_COLUMNS = (
    "urn", "local_authority", "pdf_filename", "publication_date", "inspection_framework",
    "inspection_start_date", "inspection_end_date", "overall_effectiveness_grade",
    "impact_of_leaders_grade", "help_and_protection_grade", "in_care_grade", "care_leavers_grade",
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
        shown = fmt.replace("%d", "DD").replace("%m", "MM").replace("%Y", "YYYY").replace(
            "%y", "YY")
        raise InputError(f"'{text}' is not a date ({shown} expected)",
                         file=file, row=row, field=field) from None


def _read_rows(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    """The CSV's rows and header; a cell no D2I field could hold is refused where it is."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            try:
                rows = list(reader)
            except csv.Error as e:
                raise InputError(f"not a readable CSV row ({e})", file=path,
                                 row=reader.reader.line_num) from None
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 text ({e.reason} at byte {e.start})", file=path) from None
    header = list(reader.fieldnames or [])
    for i, r in enumerate(rows, start=2):
        for column, value in r.items():
            problem = too_long(value) if isinstance(value, str) else None
            if problem:
                raise InputError(problem, file=path, row=i, field=column)
    return rows, header


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
    fname = path.name
    for i, r in enumerate(rows, start=2):
        found: list[Anomaly] = []

        def flag(field: str, value: str, problem: str, effect: str = "", _i: int = i,
                 _found: list[Anomaly] = found) -> None:
            _found.append(Anomaly(fname, _i, field, value, problem, effect=effect))

        published = _read_date(r["publication_date"], "%d/%m/%y", path, i, "publication_date")
        start = _read_date(r["inspection_start_date"], "%d/%m/%Y", path, i,
                           "inspection_start_date")
        end = _read_date(r["inspection_end_date"], "%d/%m/%Y", path, i, "inspection_end_date")
        if published is None:
            raise InputError("publication date missing (DD/MM/YY expected)",
                             file=path, row=i, field="publication_date")
        if start and end and end < start:
            raise InputError(f"inspection ends ({end}) before it starts ({start})",
                             file=path, row=i, field="inspection_end_date")
        if end and published < end:
            raise InputError(f"report published ({published}) before the inspection ended "
                             f"({end})", file=path, row=i, field="publication_date")

        name = r["local_authority"].strip()
        la = local_authorities.resolve(name, on=start or published)
        if la is None:
            raise InputError(f"unknown local authority '{name}' (not in the LA reference table)",
                             file=path, row=i, field="local_authority")
        if r["urn"].strip() and la.ofsted_urn and r["urn"].strip() != la.ofsted_urn:
            flag("urn", r["urn"], f"URN differs from {la.name}'s ({la.ofsted_urn})",
                 "the LA name is used")

        event_id = f"d2i:{r['urn'].strip()}:{published.isoformat()}"
        if event_id in seen:
            raise InputError(f"duplicate report: same LA and publication date as row "
                             f"{seen[event_id]}", file=path, row=i, field="publication_date")
        seen[event_id] = i

        raw_type = r["inspection_framework"].strip()
        framework = frameworks.framework_on(start) if start else None
        event_type: str | None
        if start is None and published < date(2018, 1, 1):
            # Reports of the frameworks before ILACS: the scrape reads nothing from them.
            event_type = "cpi_inspection" if published < SIF_FIRST_REPORTS else "sif_inspection"
            framework = frameworks.by_id()["cpi" if event_type == "cpi_inspection" else "sif"]
            flag("inspection_framework", raw_type, "report before ILACS: type, dates and grades "
                 "not read by the source", f"read as {event_type} from the publication date")
        elif framework is not None and not framework.is_ilacs:
            event_type = "sif_inspection" if framework.framework == "sif" else "cpi_inspection"
            flag("inspection_framework", raw_type, f"inspection started {start}, before ILACS",
                 f"read as {event_type}")
        elif raw_type in TYPES:
            event_type = TYPES[raw_type]
        elif raw_type == LONG_STANDARD:
            event_type = "standard_inspection"
            flag("inspection_framework", raw_type, "not a type of ILACS inspection",
                 "read as standard_inspection (longer than a short inspection)")
        else:
            event_type = None
            flag("inspection_framework", raw_type, "inspection type missing or unknown",
                 "left out of the figures until corrected")
        if start is None and event_type not in ("cpi_inspection", "sif_inspection"):
            flag("inspection_start_date", "", "inspection dates missing",
                 "left out of the figures until corrected")

        judges = set(framework.judgements) if framework else set()
        grades: dict[str, str | None] = {}
        for column, area in GRADE_COLUMNS.items():
            if framework and not framework.is_ilacs and area == "impact_of_leaders":
                area = "leadership_management_governance"
            raw = r[column].strip()
            grade = parse_grade(raw) if raw else None
            grades[area] = grade
            if grade is not None:
                if framework and area not in judges:
                    flag(column, raw, f"{framework.name} gives no such judgement",
                         "grade ignored")
                    grades[area] = None
                continue
            if framework and area not in judges:
                continue  # not a judgement of this framework: nothing expected
            if raw in NOT_GIVEN:
                if framework:
                    flag(column, raw, f"marked not given, but {framework.name} gives it",
                         "no grade")
                continue
            if framework is None and event_type is None and not raw:
                continue
            problem = ("grade not read by the source" if raw in UNREADABLE or not raw
                       else "not a grade (garbled)")
            flag(column, raw, problem, "no grade until corrected")

        events.append(InspectionEvent(
            event_id=event_id,
            la_code=la.la_code,
            la_name=la.name,
            event_type=event_type or "",
            framework=framework.framework if framework else None,
            start_date=start,
            end_date=end,
            publication_date=published,
            source_file=fname,
            source_row=i,
            report_ref=r.get("inspection_link") or r["pdf_filename"],
            overall_effectiveness=grades.get("overall_effectiveness"),
            impact_of_leaders=grades.get("impact_of_leaders"),
            help_and_protection=grades.get("help_and_protection"),
            children_in_care=grades.get("children_in_care"),
            care_leavers=grades.get("care_leavers"),
            leadership_management_governance=grades.get("leadership_management_governance"),
        ))
        anomalies.extend(Anomaly(a.file, a.row, a.field, a.value, a.problem, event_id, a.effect)
                         for a in found)
        raw_values.append((event_id, "event_type", raw_type))
        raw_values.append((event_id, "start_date", r["inspection_start_date"].strip()))
        raw_values.append((event_id, "end_date", r["inspection_end_date"].strip()))
        for column, area in GRADE_COLUMNS.items():
            raw_values.append((event_id, area, r[column].strip()))
    return events, anomalies, raw_values
