"""Latest overall effectiveness by provider group, supported accommodation on its own scale."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence
from inspection_outcomes.publications.providers import common as pc
from inspection_outcomes.publications.providers.findings.shared import (
    LATEST,
    get,
    gos,
    has,
    not_held,
    say,
)


def sections(f: dict[str, Any]) -> list[Section]:
    bullets = []
    for g in pc.FOUR_POINT_GROUPS:
        block = f"{LATEST}.{g}"
        n = get(f, f"total:{block}")
        if g == "all_providers" or not n:
            continue
        if n < pc.MIN_FOR_PERCENT:
            bullets.append(
                say(
                    f,
                    f"{pc.group_label(g)}: {{n}} with a judgement, too few for a percentage",
                    n=f"total:{block}",
                )
            )
            continue
        bullets.append(
            say(
                f,
                f"{pc.group_label(g)}: {{pct:pct}} good or outstanding ({{n}} with a judgement)",
                pct=gos(block),
                n=f"total:{block}",
            )
        )
    sa = f"{LATEST}.supported_accommodation"
    if has(f, f"total:{sa}") and get(f, f"total:{sa}"):
        sa_sentence = say(
            f,
            "Supported accommodation providers are judged on their own scale: of the {n} "
            "with a full inspection, {strong} were consistently strong, {mixed} of "
            "inconsistent quality and {weak} had serious or widespread weaknesses.",
            n=f"total:{sa}",
            strong=f"{sa}.consistently_strong",
            mixed=f"{sa}.inconsistent_quality",
            weak=f"{sa}.serious_or_widespread_weaknesses",
        )
    else:
        sa_sentence = not_held("judgements of supported accommodation providers")
    return [
        Section(
            heading=Sentence("Latest overall effectiveness by provider group"),
            id="by-provider-group",
            paragraphs=[
                Paragraph(
                    [
                        say(
                            f,
                            "Overall effectiveness at each provider’s latest full inspection "
                            "as at {as_at:date}, by provider group:",
                            as_at="latest_overall_effectiveness.as_at",
                        )
                    ]
                ),
                Paragraph(bullets, style="bullets"),
                *_since_previous_inspection(f),
                Paragraph([sa_sentence]),
            ],
            figure_ids=["figure_1"],
        )
    ]


def _since_previous_inspection(f: dict[str, Any]) -> list[Paragraph]:
    """Children's homes whose latest full inspection improved on their previous one, where
    the source gives the previous judgement."""
    block = "change_since_previous_inspection.groups.all_childrens_homes"
    if not has(f, f"total:{block}") or not get(f, f"total:{block}"):
        return []
    return [
        Paragraph(
            [
                say(
                    f,
                    "Of the {n} children’s homes whose previous full inspection also had a "
                    "judgement, {up} improved at their latest, {same} kept the same judgement "
                    "and {down} declined.",
                    n=f"total:{block}",
                    up=f"{block}.improved",
                    same=f"{block}.same",
                    down=f"{block}.declined",
                )
            ]
        )
    ]
