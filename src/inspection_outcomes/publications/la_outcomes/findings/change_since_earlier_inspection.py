"""Change since the first (or previous) ILACS inspection, for LAs inspected more than once."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import (
    Paragraph,
    Section,
    Sentence,
    get,
    has,
    none_held,
    say,
)
from inspection_outcomes.publications.la_outcomes.findings.data_tables import change_table


def sections(f: dict[str, Any]) -> list[Section]:
    c = "change_since_earlier_inspection"
    which = get(f, f"{c}.compared_with") or "first"
    heading = Sentence(f"Change since the {which} ILACS inspection")
    if not has(f, f"{c}.n"):
        return [
            Section(
                heading=heading,
                level=3,
                id="change",
                paragraphs=[Paragraph([none_held("LAs with more than one ILACS inspection")])],
            )
        ]
    first = say(
        f,
        "Of the {total} LAs in England, {n} had received more than one inspection under the "
        "ILACS framework as at {as_at:date}.",
        total="local_authorities.total",
        n=f"{c}.n",
        as_at="as_at",
    )
    sentences = [first, *change_sentences(f, in_section=True)]
    two = []
    if has(f, f"{c}.improved_by_two", f"{c}.declined_by_two"):
        two.append(
            say(
                f,
                "Of these, {up} LAs improved by two or more grades and {down} LAs declined by two "
                "or more grades.",
                up=f"{c}.improved_by_two",
                down=f"{c}.declined_by_two",
            )
        )
    paras = [Paragraph(sentences)]
    if two:
        paras.append(Paragraph(two))
    paras[-1].sentences.append(Sentence("The table below shows the change by earlier judgement."))
    return [
        Section(heading=heading, level=3, id="change", paragraphs=paras, tables=[change_table(f)])
    ]


def change_sentences(f: dict[str, Any], in_section: bool = False) -> list[Sentence]:
    """LAs that improved, retained or declined: in this section, and as a key message."""
    c = "change_since_earlier_inspection"
    if not has(
        f,
        f"{c}.n",
        f"{c}.improved",
        f"{c}.declined",
        f"{c}.improved_percent",
        f"{c}.declined_percent",
    ) or not get(f, f"{c}.n"):
        return []
    which = get(f, f"{c}.compared_with") or "first"
    out = [
        say(
            f,
            (
                "Of these, "
                if in_section
                else "Of the {n} LAs that received more than one inspection under the ILACS framework, "
            )
            + "{imp} LAs ({imp_p:pct}) improved their overall effectiveness judgement compared with "
            f"their {which} ILACS inspection"
            + (
                ", and {rgo} LAs ({rgo_p:pct}) retained a good or outstanding judgement."
                if has(
                    f,
                    f"{c}.retained_good_or_outstanding",
                    f"{c}.retained_good_or_outstanding_percent",
                )
                else "."
            ),
            **({} if in_section else {"n": f"{c}.n"}),
            imp=f"{c}.improved",
            imp_p=f"{c}.improved_percent",
            **(
                {
                    "rgo": f"{c}.retained_good_or_outstanding",
                    "rgo_p": f"{c}.retained_good_or_outstanding_percent",
                }
                if has(f, f"{c}.retained_good_or_outstanding")
                else {}
            ),
        )
    ]
    out.append(
        say(
            f,
            "There were {d} LAs ({d_p:pct}) that had a decline in their overall effectiveness "
            "judgement.",
            d=f"{c}.declined",
            d_p=f"{c}.declined_percent",
        )
    )
    return out
