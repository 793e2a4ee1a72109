"""Providers and places on the register as at the date, and the share of homes run privately."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence
from inspection_outcomes.publications.providers.findings.shared import get, has, not_held, say

#: The kinds of children's home the register details count, and how a sentence says each.
HOME_KINDS = (
    ("short_break_only", "offered short breaks only"),
    ("multi_building", "were in more than one building"),
)


def sections(f: dict[str, Any]) -> list[Section]:
    pp = "providers_and_places"
    if not has(f, f"{pp}.providers.all_providers"):
        paras = [Paragraph([not_held("a register of providers and places as at this date")])]
    else:
        paras = [
            Paragraph(
                [
                    say(
                        f,
                        "As at {as_at:date}, {n} providers were registered, with {places} places.",
                        as_at=f"{pp}.as_at",
                        n=f"{pp}.providers.all_providers",
                        places=f"{pp}.places.all_providers",
                    ),
                    say(
                        f,
                        "Of the {all} children’s homes, {n} ({pct:pct}) were run privately.",
                        pct=f"pct:by_sector.providers.private.all_childrens_homes | "
                        f"{pp}.providers.all_childrens_homes",
                        n="by_sector.providers.private.all_childrens_homes",
                        all=f"{pp}.providers.all_childrens_homes",
                    ),
                ]
            )
        ]
        details = "register_details"
        homes = [
            say(
                f,
                "{n} children’s homes " + what + ", with {places} places.",
                n=f"{details}.{kind}.providers.all_childrens_homes",
                places=f"{details}.{kind}.places.all_childrens_homes",
            )
            for kind, what in HOME_KINDS
            if has(f, f"{details}.{kind}.providers.all_childrens_homes")
        ]
        sa = "supported_accommodation"
        if has(f, f"{details}.premises.{sa}", f"{pp}.providers.{sa}") and get(
            f, f"{pp}.providers.{sa}"
        ):
            homes.append(
                say(
                    f,
                    "The {n} supported accommodation providers had {premises} premises, with "
                    "{places} places.",
                    n=f"{pp}.providers.{sa}",
                    premises=f"{details}.premises.{sa}",
                    places=f"{pp}.places.{sa}",
                )
            )
        if homes:
            paras.append(Paragraph(homes))
    return [
        Section(
            heading=Sentence("Providers and places"),
            id="providers-and-places",
            paragraphs=paras,
            figure_ids=["figure_5", "map_childrens_homes"],
        )
    ]
