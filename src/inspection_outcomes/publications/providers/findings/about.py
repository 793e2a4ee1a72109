"""About these statistics: the source files, the in-year rule and rounding."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence
from inspection_outcomes.publications.providers.findings.shared import get, say


def sections(f: dict[str, Any]) -> list[Section]:
    sources = [say(f, "Providers as at the date come from {file}.", file="sources.as_at")]
    if get(f, "sources.in_year") and f["sources"]["in_year"] != f["sources"]["as_at"]:
        sources.append(say(f, "Inspections in the year come from {file}.", file="sources.in_year"))
    if get(f, "sources.previous"):
        sources.append(
            say(
                f,
                "Figures as at {then:date}, for the change since then, come from {file}.",
                then="previous_year.as_at",
                file="sources.previous",
            )
        )
        if get(f, "previous_year.register_complete") is False:
            sources.append(
                Sentence(
                    "That file lists inspected providers only, so its counts of providers and "
                    "places are not compared with this release's register."
                )
            )
    return [
        Section(
            heading=Sentence("About these statistics"),
            id="about",
            paragraphs=[
                Paragraph(
                    [
                        Sentence(
                            "These statistics come from Ofsted’s provider-level data. "
                            "No provider is named: every output holds counts only."
                        ),
                        *sources,
                    ]
                ),
                Paragraph([say(f, "In-year outcomes count {rule}.", rule="rules.in_year_events")]),
                Paragraph(
                    [
                        Sentence(
                            "Percentages are rounded to whole numbers, halves away from "
                            "zero, so they may not add up exactly."
                        )
                    ]
                ),
            ],
        )
    ]
