"""ILACS inspection activity in the period: visits of every type (the heading over graded
inspections, focused visits and monitoring visits, each a module of its own)."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import (
    Paragraph,
    Section,
    Sentence,
    get,
    has,
    join_names,
    say,
)
from inspection_outcomes.model import frameworks as fw


def sections(f: dict[str, Any]) -> list[Section]:
    period = dict(start="period.start", end="period.end")
    coverage = set(f.get("coverage") or [])
    heading = say(f, "ILACS inspection activity between {start:date} and {end:date}", **period)
    paras: list[Paragraph] = []
    if has(f, "in_year.las_visited", "in_year.visits"):
        paras.append(
            Paragraph(
                [
                    say(
                        f,
                        "Between {start:date} and {end:date}, we visited {las} of the {total} LAs, on "
                        "{visits} different occasions. These included:",
                        las="in_year.las_visited",
                        total="local_authorities.total",
                        visits="in_year.visits",
                        **period,
                    )
                ]
            )
        )
    elif has(f, "in_year.graded.n", "in_year.las_visited_graded_inspections"):
        paras.append(
            Paragraph(
                [
                    say(
                        f,
                        "Between {start:date} and {end:date}, we carried out {n} standard or short "
                        "inspections of {las} LAs. The source data do not hold every kind of visit, so the "
                        "total number of visits is not reported. Visits by type:",
                        n="in_year.graded.n",
                        las="in_year.las_visited_graded_inspections",
                        **period,
                    )
                ]
            )
        )
    bullets = []
    for t in fw.ILACS_EVENT_TYPES:
        label = fw.EVENT_TYPE_LABELS[t].lower()
        v = get(f, f"in_year.by_type.{t}")
        if v is None:
            bullets.append(Sentence(f"{label}s: not held in the source data"))
        else:
            bullets.append(
                say(f, "{v} " + label + ("" if v == 1 else "s"), v=f"in_year.by_type.{t}")
            )
    paras.append(Paragraph(bullets, style="bullets"))
    missing = [t for t in fw.ILACS_EVENT_TYPES if coverage and t not in coverage]
    if missing:
        names = join_names([fw.EVENT_TYPE_LABELS[t].lower() + "s" for t in missing])
        paras.append(
            Paragraph(
                [
                    Sentence(
                        f"The source data for this release hold no {names}: the numbers of visits and of "
                        "LAs visited count only the event types the source holds."
                    )
                ]
            )
        )
    return [Section(heading=heading, id="in-year", paragraphs=paras)]
