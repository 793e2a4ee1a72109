"""In-year outcomes of full inspections: how many, and how many found good or outstanding."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence
from inspection_outcomes.publications.providers.findings.shared import (
    IN_YEAR,
    gos,
    has,
    not_held,
    say,
)


def sections(f: dict[str, Any]) -> list[Section]:
    iy = "in_year_overall_effectiveness"
    if not has(f, f"total:{IN_YEAR}.all_providers"):
        return [
            Section(
                heading=Sentence("In-year outcomes of full inspections"),
                id="in-year",
                paragraphs=[Paragraph([not_held("inspections in the year")])],
                figure_ids=["figure_4"],
            )
        ]
    sentences = []
    types = f"{iy}.events_by_type.all_providers"
    sa = f"{iy}.events_by_type.supported_accommodation.full_inspection"
    if has(f, f"{types}.full_inspection", sa):
        sentences.append(
            say(
                f,
                "Between {start:date} and {end:date}, providers had {full} full inspections, "
                "{sa} of them of supported accommodation, which is not judged on the "
                "four-point scale.",
                start=f"{iy}.start",
                end=f"{iy}.end",
                full=f"{types}.full_inspection",
                sa=sa,
            )
        )
    elif has(f, f"{types}.full_inspection"):
        sentences.append(
            say(
                f,
                "Between {start:date} and {end:date}, providers had {full} full inspections.",
                start=f"{iy}.start",
                end=f"{iy}.end",
                full=f"{types}.full_inspection",
            )
        )
    homes_types = f"{iy}.events_by_type.all_childrens_homes"
    visits = [
        f"{b}.{t}"
        for b in (types, homes_types)
        for t in ("monitoring_inspection", "assurance_visit")
    ]
    if has(f, *visits):
        sentences.append(
            say(
                f,
                "They also had {m} monitoring inspections and {a} assurance visits ({hm} and "
                "{ha} of them of children’s homes).",
                m=visits[0],
                a=visits[1],
                hm=visits[2],
                ha=visits[3],
            )
        )
    block = f"{IN_YEAR}.all_providers"
    sentences.append(
        say(
            f,
            "Of the {n} inspections with a judgement on the four-point scale (full "
            "inspections, and the monitoring inspections the data record with a full set of "
            "judgements), {pct:pct} found the provider good or outstanding and {inad} found it "
            "inadequate.",
            n=f"total:{block}",
            pct=gos(block),
            inad=f"{block}.inadequate",
        )
    )
    homes = f"{IN_YEAR}.all_childrens_homes"
    sentences.append(
        say(
            f,
            "For children’s homes, {pct:pct} of the {n} inspections with a judgement found "
            "them good or outstanding.",
            pct=gos(homes),
            n=f"total:{homes}",
        )
    )
    return [
        Section(
            heading=Sentence("In-year outcomes of full inspections"),
            id="in-year",
            paragraphs=[Paragraph(sentences)],
            figure_ids=["figure_4"],
        )
    ]
