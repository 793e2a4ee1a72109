"""The QA report as an HTML page in the release (GOV.UK Frontend styles)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspection_outcomes.core.content import ReleaseContent

TEMPLATE = "publications/la_outcomes/templates/qa_report.html.j2"
#: How a secondary-source record's `dates` (checks.additions.BOUND_DATES) reads after them.
BOUNDS_SAID = {
    "stated": "",
    "bounds": " (bounds)",
    "inspection_bounds": " (the inspection's days are bounds)",
    "publication_bound": " (the publication date is a bound)",
}

Cells = list[dict[str, Any]]


def summary(report: dict[str, Any]) -> list[tuple[str, Any]]:
    """The report at a glance: (key, value) rows of the summary list."""
    corrections = report["corrections"]
    las = report["local_authorities"]
    applied = sum(1 for c in corrections if c["applied"])
    return [
        ("As at", f"{report['as_at']} (reports published by {report['publication_cutoff']})"),
        ("Source", report["source"].split(":", 1)[0] + " source"),  # its kind, not a path
        ("Consistency check", "Passed" if report["consistency"]["passed"] else "Failed"),
        ("Corrections applied", f"{applied} of {len(corrections)}"),
        ("Anomalies in the source", len(report["anomalies"])),
        *_history_summary(report.get("history", {})),
        ("LAs not yet inspected", ", ".join(las["not_yet_graded"]) or "None"),
        (
            "LAs whose most recent judgement the source does not hold",
            ", ".join(las["judgement_not_in_source"]) or "None",
        ),
    ]


def _history_summary(history: dict[str, Any]) -> list[tuple[str, Any]]:
    if not history.get("combined"):
        return []
    return [
        (
            "Records from reports",
            f"{history['reports_replacing_fields']} scraped records with fields from their "
            f"report, {history['reports_agreeing']} agreeing, {history['reports_added']} added, "
            f"{history['reports_not_graded']} left out as not graded inspections",
        ),
        ("Secondary-source records", len(history["secondary_source_records"])),
    ]


def _table(caption: str, head: list[str], rows: list[Cells], numeric: int = 0) -> dict[str, Any]:
    """govukTable's options: text cells, the last `numeric` columns right-aligned."""

    def fmt(i: int) -> dict[str, str]:
        return {"format": "numeric"} if numeric and i >= len(head) - numeric else {}

    return {
        "caption": caption,
        "captionClasses": "govuk-table__caption--m",
        "head": [{"text": h, **fmt(i)} for i, h in enumerate(head)],
        "rows": [[{**c, **fmt(i)} for i, c in enumerate(r)] for r in rows],
    }


def _texts(*values: Any) -> Cells:
    return [{"text": v} for v in values]


def tables(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The report's tables, as govukTable's options."""
    moved = report["previous_release"]["moved"]
    return {
        "inputs": _table(
            "Input files and their SHA-256 checksums",
            ["File", "SHA-256"],
            [
                [{"text": i["path"]}, {"text": i["sha256"], "classes": "app-break"}]
                for i in report["inputs"]
            ],
        ),
        "corrections": _table(
            "Corrections ledger: each correction and its evidence",
            ["Record", "Field", "Found", "Corrected", "Applied", "Evidence"],
            [
                _texts(
                    c["record"],
                    c["field"],
                    c["value_found"],
                    c["corrected_value"],
                    "Yes" if c["applied"] else f"No: {c['reason']}",
                    c["evidence"],
                )
                for c in report["corrections"]
            ],
        ),
        "secondary": _table(
            "Secondary-source records: inspections neither source holds, from the additions ledger",
            ["Record", "Local authority", "Dates", "Judgements", "Source", "Quote", "Evidence"],
            [
                _texts(
                    a["record"],
                    a["la_name"],
                    f"{a['start_date']} to {a['end_date']}, published {a['publication_date']}"
                    + BOUNDS_SAID[a["dates"]],
                    "; ".join(f"{k} {v}" for k, v in a["judgements"].items()),
                    a["source"],
                    a["quote"],
                    a["evidence"],
                )
                for a in report.get("history", {}).get("secondary_source_records", [])
            ],
        ),
        "from_reports": _table(
            "Records whose fields come from their report, or added from a report",
            ["Report", "Record", "What", "Fields"],
            [
                _texts(r["report"], r["record"], r["action"], ", ".join(r["fields"]))
                for r in report.get("history", {}).get("from_reports", [])
            ],
        ),
        "left_out": _table(
            "Events left out by the cut-off",
            ["Local authority", "Event", "Started", "Published"],
            [
                _texts(e["la_name"], e["event_type"], e["start"], e["published"])
                for e in report["left_out_by_cutoff"]
            ],
        ),
        "moved": _table(
            "Figures that moved, and why",
            [
                "Figure",
                "Previous release",
                "Previous, revised",
                "This release",
                "Revisions",
                "New inspections",
            ],
            [
                _texts(
                    m["figure"],
                    m["previous"],
                    m["previous_revised"],
                    m["current"],
                    m["revision"],
                    m["new_inspections"],
                )
                for m in moved
            ],
            numeric=5,
        ),
    }


def write_qa_page(report: dict[str, Any], content: ReleaseContent, path: Path) -> Path:
    """Render with the pages' one environment: autoescaped, so the source's own text (anomaly
    values, evidence, file names) is shown as text and never read as markup."""
    from inspection_outcomes.publications.la_outcomes.pages import (
        NAV,
        SIMULATED_WARNING,
        environment,
    )

    html = (
        environment()
        .get_template(TEMPLATE)
        .render(
            report=report,
            summary=summary(report),
            tables=tables(report),
            meta=content.meta,
            nav=NAV,
            current=path.name,
            caption="Official statistics",
            page_title="Quality assurance report",
            simulated_warning=SIMULATED_WARNING,
            publication_date=content.meta.publication_date,
            page_title_suffix=False,
        )
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8", newline="\n")
    return path
