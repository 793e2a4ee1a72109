"""Key messages: children's homes and all providers good or outstanding, in the year, and the
register."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence
from inspection_outcomes.publications.providers.findings.shared import (
    IN_YEAR,
    LATEST,
    PREVIOUS,
    change_clause,
    gos,
    has,
    say,
)

EARLIER = f"{PREVIOUS}.latest_overall_effectiveness.groups"


def sections(f: dict[str, Any]) -> list[Section]:
    homes = f"{LATEST}.all_childrens_homes"
    everyone = f"{LATEST}.all_providers"
    homes_since, homes_paths = change_clause(f, gos(homes), gos(f"{EARLIER}.all_childrens_homes"))
    all_since, all_paths = change_clause(f, gos(everyone), gos(f"{EARLIER}.all_providers"))
    paras = [
        Paragraph(
            [
                say(
                    f,
                    "As at {as_at:date}, {pct:pct} of the {n} children’s homes with a full "
                    "inspection were judged good or outstanding at their latest full inspection"
                    + homes_since
                    + ".",
                    as_at="latest_overall_effectiveness.as_at",
                    pct=gos(homes),
                    n=f"total:{homes}",
                    **homes_paths,
                ),
                say(
                    f,
                    "Across all providers on the four-point scale, {pct:pct} of {n} were good or "
                    "outstanding" + all_since + ".",
                    pct=gos(everyone),
                    n=f"total:{everyone}",
                    **all_paths,
                ),
            ]
        )
    ]
    iy_homes = f"{IN_YEAR}.all_childrens_homes"
    if has(f, f"total:{iy_homes}"):
        paras.append(
            Paragraph(
                [
                    say(
                        f,
                        "Between {start:date} and {end:date}, {pct:pct} of the {n} inspections of "
                        "children’s homes with a judgement found them good or outstanding.",
                        start="in_year_overall_effectiveness.start",
                        end="in_year_overall_effectiveness.end",
                        pct=gos(iy_homes),
                        n=f"total:{iy_homes}",
                    )
                ]
            )
        )
    if has(f, "providers_and_places.providers.all_childrens_homes"):
        n = "providers_and_places.providers.all_childrens_homes"
        since, since_paths = change_clause(
            f, n, f"{PREVIOUS}.providers_and_places.providers.all_childrens_homes", unit=""
        )
        paras.append(
            Paragraph(
                [
                    say(
                        f,
                        "As at {as_at:date}, {n} children’s homes were registered"
                        + since
                        + ", with {places} places.",
                        as_at="providers_and_places.as_at",
                        n=n,
                        places="providers_and_places.places.all_childrens_homes",
                        **since_paths,
                    )
                ]
            )
        )
    return [Section(heading=Sentence("Key messages"), id="key-messages", paragraphs=paras)]
