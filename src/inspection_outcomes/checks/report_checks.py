"""Check a source's records against the published reports, and draft corrections from them.

Each report is matched to its record (same LA and publication date, else same inspection
dates); every field the report states is compared with the record's canonical value. A
disagreement is where the report and the record differ, including a record that holds a
grade the report does not give.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TypedDict

from inspection_outcomes.model.events import JUDGEMENT_COLUMNS, InspectionEvent

#: Fields other than judgements that a report states (compared when the report gives them).
REPORT_FIELDS = ("event_type", "framework", "start_date", "end_date", "publication_date")
DISAGREEMENT_KEYS = ("report", "la", "record", "field", "report_value", "record_value")
NOT_GRADED = ("focused_visit", "monitoring_visit")


class VerifyResult(TypedDict):
    """What verify found (a plain dict, as JSON prints it)."""

    checked: int  # reports read
    matched: int  # reports with a record
    judgements_checked: int  # judgements given by a report or its record
    judgements_agreeing: int
    disagreements: list[dict[str, str]]
    unmatched: list[dict[str, str]]


def text(value: object) -> str:
    """A field value as written in outputs: ISO dates, '' for none."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _published(report: InspectionEvent) -> list[date]:
    """The report's publication date, then its file name's where that differs (a few SIF
    reports state a day or two before the date they were listed under)."""
    dates = [report.publication_date] if report.publication_date else []
    named = report.extra.get("file_publication_date")
    if named and date.fromisoformat(named) not in dates:
        dates.append(date.fromisoformat(named))
    return dates


def match(report: InspectionEvent, records: Iterable[InspectionEvent]) -> InspectionEvent | None:
    """The record of the same report: same LA and publication date (the report's, else its
    file name's), else same dates."""
    same_la = sorted((r for r in records if r.la_code == report.la_code), key=lambda r: r.event_id)
    for published in _published(report):
        for r in same_la:
            if r.publication_date == published:
                return r
    for r in same_la:
        if r.start_date == report.start_date and r.end_date == report.end_date:
            return r
    return None


def _where(report: InspectionEvent, quoted: str) -> str:
    """File and page of the words a field was read from (page 1 unless the report says)."""
    page = report.extra.get(f"page:{quoted}") or report.source_row or 1
    return f"{report.source_file}, page {page}"


def _judgement_evidence(report: InspectionEvent, field: str) -> str:
    q = report.extra
    if f"quote:{field}" in q:
        return f"{_where(report, field)}: '{q[f'quote:{field}']}'"
    combined = q.get("quote:children_in_care", "")
    if field == "care_leavers" and "care leavers" in combined.lower():
        return (
            f"{_where(report, 'children_in_care')}: '{combined}' (care leavers judged "
            "with children in care; no separate care leavers judgement)"
        )
    if field in q.get("not_judged", "").split(";"):
        return f"{_where(report, field)}: not judged"
    return f"{_where(report, field)}: the judgement table has no row for {field}"


def _kind_evidence(report: InspectionEvent, field: str) -> str:
    """Event type and framework: the SIF title, else the dates (and days on site)."""
    q = report.extra
    if (field == "event_type" and report.event_type == "sif_inspection") or (
        field == "framework" and report.framework == "sif"
    ):
        return (
            f"{_where(report, 'layout')}: '{q.get('quote:layout', '')}' (single "
            "inspection framework)"
        )
    dates = f"{_where(report, 'dates')}: '{q.get('quote:dates', '')}'"
    if field == "framework":
        return f"{dates} (framework in force on the start date)"
    return (
        f"{dates} ({_days_on_site(report)} days on site: "
        f"{report.event_type.replace('_', ' ')}; reports do not name the type)"
    )


def evidence(report: InspectionEvent, field: str) -> str:
    """Where the report states a field, quoted (file name, page and words)."""
    q = report.extra
    if field in JUDGEMENT_COLUMNS:
        return _judgement_evidence(report, field)
    if field in ("start_date", "end_date"):
        return f"{_where(report, 'dates')}: '{q.get('quote:dates', '')}'"
    if field == "publication_date":
        if "quote:publication_date" in q:
            return f"{_where(report, 'publication_date')}: '{q['quote:publication_date']}'"
        return f"{report.source_file}: publication date in the file name"
    if field in ("event_type", "framework"):
        return _kind_evidence(report, field)
    return _where(report, field)


def _days_on_site(report: InspectionEvent) -> int:
    """Days on site: of each period where the report gives two, else first to last day."""
    periods = report.extra.get("periods")
    if periods:
        spans = [p.split("/") for p in periods.split(";")]
        return sum((date.fromisoformat(b) - date.fromisoformat(a)).days + 1 for a, b in spans)
    if report.start_date and report.end_date:
        return (report.end_date - report.start_date).days + 1
    return 0


def compare(
    report: InspectionEvent, record: InspectionEvent
) -> tuple[list[dict[str, str]], int, int]:
    """Disagreements of one report with its record, judgements compared and agreeing."""
    out: list[dict[str, str]] = []
    checked = agreeing = 0

    def differ(field: str, rv: object, sv: object) -> None:
        out.append(
            {
                "report": report.source_file,
                "la": report.la_name,
                "record": record.event_id,
                "field": field,
                "report_value": text(rv),
                "record_value": text(sv),
                "evidence": evidence(report, field),
            }
        )

    for field in REPORT_FIELDS:
        rv, sv = getattr(report, field), getattr(record, field)
        if rv in (None, ""):
            continue  # the report does not state it
        if rv != sv:
            differ(field, rv, sv)
    for area in JUDGEMENT_COLUMNS:
        rv, sv = getattr(report, area), getattr(record, area)
        if rv is None and sv is None:
            continue
        checked += 1
        if rv == sv:
            agreeing += 1
        else:
            differ(area, rv, sv)
    return out, checked, agreeing


def verify(records: list[InspectionEvent], reports: list[InspectionEvent]) -> VerifyResult:
    """Compare each report with its record; counts, disagreements and unmatched reports."""
    disagreements: list[dict[str, str]] = []
    unmatched: list[dict[str, str]] = []
    judgements_checked = judgements_agreeing = 0
    matched = 0
    for report in reports:
        record = match(report, records)
        if record is None:
            unmatched.append(
                {
                    "report": report.source_file,
                    "la": report.la_name,
                    "start_date": text(report.start_date),
                    "publication_date": text(report.publication_date),
                }
            )
            continue
        matched += 1
        found, c, a = compare(report, record)
        disagreements.extend(found)
        judgements_checked += c
        judgements_agreeing += a
    return {
        "checked": len(reports),
        "matched": matched,
        "judgements_checked": judgements_checked,
        "judgements_agreeing": judgements_agreeing,
        "disagreements": disagreements,
        "unmatched": unmatched,
    }


def _as_at_dates(events: Iterable[InspectionEvent]) -> list[date]:
    last = max((e.publication_date for e in events if e.publication_date), default=None)
    if last is None:
        return []
    return [date(y, 3, 31) for y in range(2019, last.year + 1)]


def matters(
    sif: InspectionEvent, records: list[InspectionEvent], reports: list[InspectionEvent]
) -> list[date]:
    """The 31 Marches (2019 on) at which a SIF inspection is its LA's most recent graded one.

    Included as at 31 March when it took place by then and was published by 30 June (the
    release's cut-off). Records are taken as their report reads them where there is one.
    """
    by_record = {}
    for rep in reports:
        rec = match(rep, records)
        if rec is not None:
            by_record[rec.event_id] = rep
    timeline = [
        by_record.get(r.event_id, r)
        for r in records
        if r.la_code == sif.la_code and r.event_type not in NOT_GRADED
    ]
    if not any(e.source_file == sif.source_file for e in timeline):
        timeline.append(sif)
    out = []
    for as_at in _as_at_dates([*records, *reports]):
        cutoff = date(as_at.year, 6, 30)

        def included(e: InspectionEvent, _as_at: date = as_at, _cutoff: date = cutoff) -> bool:
            took_place = e.end_date or e.start_date or e.publication_date
            return (
                took_place is not None
                and took_place <= _as_at
                and e.publication_date is not None
                and e.publication_date <= _cutoff
            )

        if not included(sif):
            continue
        later = [
            e
            for e in timeline
            if e is not sif
            and included(e)
            and (e.start_date or e.publication_date or date.min)
            > (sif.start_date or sif.publication_date or date.min)
        ]
        if not later:
            out.append(as_at)
    return out


LEDGER_COLUMNS = ("record", "field", "value_found", "corrected_value", "evidence", "date")


def ledger_rows(
    result: VerifyResult,
    records: list[InspectionEvent],
    reports: list[InspectionEvent],
    source_values: Mapping[tuple[str, str], str],
    on: date,
) -> list[dict[str, str]]:
    """Corrections ledger rows for a verify result: one per disagreeing field.

    value_found is the source's own text where the source supplies it (source_values), else
    the record's value. SIF reports are kept only where the inspection matters to a release
    (its LA's most recent graded inspection as at some 31 March from 2019).
    """
    by_file = {r.source_file: r for r in reports}
    keep: dict[str, bool] = {}
    rows = []
    for d in result["disagreements"]:
        report = by_file[d["report"]]
        if report.event_type == "sif_inspection":
            if report.source_file not in keep:
                keep[report.source_file] = bool(matters(report, records, reports))
            if not keep[report.source_file]:
                continue
        found = source_values.get((d["record"], d["field"]), d["record_value"])
        rows.append(
            {
                "record": d["record"],
                "field": d["field"],
                "value_found": found,
                "corrected_value": d["report_value"],
                "evidence": d["evidence"],
                "date": on.isoformat(),
            }
        )
    return sorted(rows, key=lambda r: (r["record"], _field_order(r["field"])))


def _field_order(field: str) -> int:
    order = (*REPORT_FIELDS, *JUDGEMENT_COLUMNS)
    return order.index(field) if field in order else len(order)
