"""The providers release's main findings as data, one module per section of the text.

Each section module is named after the section it writes and gives `sections(figures)`;
`SECTIONS` puts them in the order of the text. Every number comes from the figures dict: each
sentence carries the values it quotes keyed by their path, and `check_providers_numbers`
proves text and figures agree. The paths this release reads, derived values included, are
shared.py's; the sentence machinery is core/sentences.py.
"""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import (
    Findings,
    Paragraph,
    Section,
    SectionModule,
    Sentence,
    check_numbers,
    join_names,
)
from inspection_outcomes.publications.providers.findings import (
    about,
    by_provider_group,
    change_over_time,
    homes_by_sector_and_region,
    in_year,
    introduction,
    joiners_and_leavers,
    key_messages,
    providers_and_places,
    sub_judgements,
)
from inspection_outcomes.publications.providers.findings.shared import NotHeld, resolve

__all__ = ["FIGURE_IDS", "SECTIONS", "build_providers_findings", "check_providers_numbers"]

#: Figure ids in the order the findings place them.
FIGURE_IDS = (
    "figure_1",
    "figure_2",
    "figure_3",
    "figure_4",
    "figure_5",
    "map_childrens_homes",
    "figure_6",
)


#: The section modules in the order of the text.
SECTIONS: tuple[SectionModule, ...] = (
    introduction,
    key_messages,
    by_provider_group,
    sub_judgements,
    change_over_time,
    homes_by_sector_and_region,
    in_year,
    providers_and_places,
    joiners_and_leavers,
    about,
)


def build_providers_findings(figures: dict[str, Any], title: str = "") -> Findings:
    """The sections in order; a section the source holds no data for is left out, and the
    last section says once what the release does not report."""
    kept: list[Section] = []
    absent: list[NotHeld] = []
    for section in (s for module in SECTIONS for s in module.sections(figures)):
        sentences = [x for p in section.paragraphs for x in p.sentences]
        if sentences and all(isinstance(x, NotHeld) for x in sentences):
            absent += [x for x in sentences if isinstance(x, NotHeld)]
        else:
            kept.append(section)
    if absent and kept:
        parts = [
            f"{x.what} ({x.why})" if x.why else f"{x.what} (its source data do not hold them)"
            for x in absent
        ]
        said = [Sentence(f"This release does not report {join_names(parts)}.")]
        kept[-1].paragraphs.append(Paragraph(said))
    tables = [t for section in kept for t in section.tables]
    for n, table in enumerate(tables, start=1):
        table.caption = f"Table {n}: {table.caption}"
    return Findings(title=title, sections=kept)


def check_providers_numbers(findings: Findings, figures: dict[str, Any]) -> list[str]:
    """Disagreements between the text and the figures ([] when every number is explained)."""
    return check_numbers(findings, figures, resolve)
