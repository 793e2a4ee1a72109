"""The QA report as an HTML page in the release (GOV.UK Frontend styles)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspection_outcomes.core.content import ReleaseContent

TEMPLATE = "publications/la_outcomes/templates/qa_report.html.j2"


def write_qa_page(report: dict[str, Any], content: ReleaseContent, path: Path) -> Path:
    """Render with the pages' one environment: autoescaped, so the source's own text (anomaly
    values, evidence, file names) is shown as text and never read as markup."""
    from inspection_outcomes.publications.la_outcomes.pages import (
        NAV,
        SIMULATED_WARNING,
        environment,
    )

    html = environment().get_template(TEMPLATE).render(
        report={**report, "source_name": report["source"].split(":", 1)[0] + " source"},
        meta=content.meta, nav=NAV, current=path.name, caption="Official statistics",
        page_title="Quality assurance report", simulated_warning=SIMULATED_WARNING,
        publication_date=content.meta.publication_date, page_title_suffix=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8", newline="\n")
    return path
