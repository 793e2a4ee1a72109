"""The LA release's main findings, written from the figures dict: one module per section.

Each section module is named after the section of the text it writes and gives
`sections(figures)`, that section with any subsections of its own (none when there is nothing
to say); `SECTIONS` puts them in the order of the text. What several sections share is
shared.py; the figures' data tables are data_tables.py. The sentence machinery (values
carried with each sentence, number checks, phrasing) is core/sentences.py.
"""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Findings, SectionModule, long_date
from inspection_outcomes.publications.la_outcomes.findings import (
    change_since_earlier_inspection,
    focused_visits,
    further_information,
    graded_inspections,
    in_year,
    introduction,
    key_messages,
    monitoring_visits,
    notes,
    overall_effectiveness,
    quality,
    regional,
    sub_judgements,
)
from inspection_outcomes.publications.la_outcomes.findings.data_tables import figure_tables
from inspection_outcomes.publications.la_outcomes.findings.shared import FIGURE_IDS, MAP_ID

__all__ = ["FIGURE_IDS", "MAP_ID", "SECTIONS", "build_findings"]


#: The section modules in the order of the text.
SECTIONS: tuple[SectionModule, ...] = (
    introduction,
    key_messages,
    notes,
    quality,
    overall_effectiveness,
    change_since_earlier_inspection,
    regional,
    sub_judgements,
    in_year,
    graded_inspections,
    focused_visits,
    monitoring_visits,
    further_information,
)


def build_findings(figures: dict[str, Any], title: str = "") -> Findings:
    """The main findings of an LA release from its figures dict."""
    title = title or (
        f"Main findings: Local authority inspection outcomes as at {long_date(figures['as_at'])}"
    )
    sections = [s for module in SECTIONS for s in module.sections(figures)]
    tables = figure_tables(figures)
    return Findings(title=title, sections=sections, annex=[tables[k] for k in sorted(tables)])
