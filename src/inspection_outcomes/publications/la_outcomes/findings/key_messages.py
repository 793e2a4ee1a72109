"""Key messages: the quality of services over time, then the summaries of later sections.

The summary sentences of change, regions and judgement areas are written by the modules of
those sections (change_since_earlier_inspection, regional, sub_judgements), next to the
sentences they summarise.
"""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import (
    Paragraph,
    Section,
    Sentence,
    get,
    has,
    long_date,
    none_held,
    say,
)
from inspection_outcomes.publications.la_outcomes.findings import (
    change_since_earlier_inspection,
    regional,
    sub_judgements,
)
from inspection_outcomes.publications.la_outcomes.findings.shared import previous_dates


def sections(f: dict[str, Any]) -> list[Section]:
    paras: list[Paragraph] = []
    earlier = previous_dates(f)
    if has(f, "overall_effectiveness.good_or_outstanding_percent"):
        now = "overall_effectiveness.good_or_outstanding_percent"
        sentences = []
        oldest = earlier[-1] if earlier else ""
        then = f"earlier_as_at.{oldest}.good_or_outstanding_percent"
        if oldest and get(f, then) is not None:
            delta = get(f, now) - get(f, then)
            trend = (
                "has improved"
                if delta > 0
                else "has declined"
                if delta < 0
                else "has stayed much the same"
            )
            sentences.append(
                Sentence(
                    f"The overall quality of LA children’s services in England {trend} over the "
                    "past few years."
                )
            )
            sentences.append(_good_or_outstanding_then(f, now, then, oldest))
        else:
            sentences.append(
                say(
                    f,
                    "As at {as_at:date}, {now:pct} of LAs were judged to be good or outstanding at "
                    "their most recent inspection.",
                    as_at="as_at",
                    now=now,
                )
            )
        paras.append(Paragraph(sentences))
    else:
        paras.append(Paragraph([none_held("overall effectiveness judgements as at this date")]))
    change = change_since_earlier_inspection.change_sentences(f)
    if change:
        paras.append(Paragraph(change))
    extremes = regional.key_message(f)
    if extremes:
        paras.append(
            Paragraph(
                [
                    Sentence(
                        "The quality of LA children’s services showed substantial variations at a "
                        "regional level."
                    ),
                    extremes,
                ]
            )
        )
    areas = sub_judgements.key_message(f)
    if areas:
        paras.append(
            Paragraph(
                [
                    Sentence(
                        "There was some variation in quality across the different judgement areas."
                    ),
                    areas,
                ]
            )
        )
    return [Section(heading=Sentence("Key messages"), id="key-messages", paragraphs=paras)]


def _good_or_outstanding_then(f: dict[str, Any], now: str, then: str, oldest: str) -> Sentence:
    s = say(
        f,
        "As at {as_at:date}, {now:pct} of LAs were judged to be good or outstanding at their "
        "most recent inspection, compared with {then:pct} as at ",
        as_at="as_at",
        now=now,
        then=then,
    )
    # The earlier date is a key of the figures; the key itself is the quoted value.
    s.text += f"{long_date(oldest)}."
    s.values[f"key:earlier_as_at.{oldest}"] = oldest
    return s
