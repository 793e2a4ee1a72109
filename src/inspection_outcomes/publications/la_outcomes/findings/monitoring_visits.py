"""ILACS monitoring visits in the period, to LAs judged inadequate, and their re-inspection."""

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


def sections(f: dict[str, Any]) -> list[Section]:
    mv = "in_year.monitoring_visits"
    if not has(f, f"{mv}.n"):
        paras = [Paragraph([none_held("monitoring visits (it holds graded inspections only)")])]
    else:
        sentences = [
            say(
                f,
                "Between {start:date} and {end:date}, we carried out a total of {n} monitoring "
                "visits"
                + (" across {las} LAs" if has(f, f"{mv}.las") else "")
                + " that had been judged as inadequate at their latest inspection.",
                start="period.start",
                end="period.end",
                n=f"{mv}.n",
                **({"las": f"{mv}.las"} if has(f, f"{mv}.las") else {}),
            )
        ]
        k = get(f, f"{mv}.las_reinspected")
        if k == 0:
            sentences.append(Sentence("None of these LAs have yet been re-inspected."))
        elif k is not None:
            sentences.append(
                say(
                    f,
                    "Of these, {k} LA"
                    + (" was" if k == 1 else "s were")
                    + " re-inspected in the period.",
                    k=f"{mv}.las_reinspected",
                )
            )
        paras = [Paragraph(sentences)]
    return [
        Section(
            heading=Sentence("ILACS monitoring visits"),
            level=3,
            id="monitoring-visits",
            paragraphs=paras,
        )
    ]
