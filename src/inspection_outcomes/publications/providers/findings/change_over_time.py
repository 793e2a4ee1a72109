"""Change since a year earlier: each group's share good or outstanding, and the register, at
the release's date beside the previous year's (given by --previous-source)."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence
from inspection_outcomes.core.types import DataTable
from inspection_outcomes.publications.providers import common as pc
from inspection_outcomes.publications.providers.findings.shared import (
    LATEST,
    PREVIOUS,
    change_clause,
    get,
    gos,
    not_held,
    say,
)

EARLIER = f"{PREVIOUS}.latest_overall_effectiveness.groups"


def _share(f: dict[str, Any], block: str) -> int | None:
    """Good or outstanding as a percentage, where enough providers have a judgement."""
    n = get(f, f"total:{block}")
    return get(f, gos(block)) if n and n >= pc.MIN_FOR_PERCENT else None


def change_table(f: dict[str, Any]) -> DataTable:
    """Each four-point group then and now: judged, good or outstanding (%), the change."""
    then, now = (
        pc.long_date(f[PREVIOUS]["as_at"]),
        pc.long_date(f["latest_overall_effectiveness"]["as_at"]),
    )
    rows = []
    for g in pc.FOUR_POINT_GROUPS:
        before, after = f"{EARLIER}.{g}", f"{LATEST}.{g}"
        a, b = _share(f, before), _share(f, after)
        rows.append(
            [
                pc.group_label(g),
                get(f, f"total:{before}"),
                a,
                get(f, f"total:{after}"),
                b,
                None if a is None or b is None else b - a,
            ]
        )
    return DataTable(
        id="change_over_time",
        caption=f"Providers good or outstanding at their latest full inspection, as at {then} and {now}",
        columns=[
            "Provider group",
            f"With a judgement, {then}",
            f"Good or outstanding (%), {then}",
            f"With a judgement, {now}",
            f"Good or outstanding (%), {now}",
            "Change (percentage points)",
        ],
        rows=rows,
        notes=[
            "The change is the difference of the two rounded percentages. No percentage is "
            f"given for fewer than {pc.MIN_FOR_PERCENT} providers with a judgement."
        ],
    )


def sections(f: dict[str, Any]) -> list[Section]:
    if get(f, PREVIOUS) is None:
        return [
            Section(
                heading=Sentence("Change since a year earlier"),
                id="change-over-time",
                paragraphs=[
                    Paragraph(
                        [
                            not_held(
                                "change over time",
                                "no earlier year's provider-level data were given to compare with",
                            )
                        ]
                    )
                ],
            )
        ]
    homes = f"{LATEST}.childrens_homes"
    since, paths = change_clause(f, gos(homes), gos(f"{EARLIER}.childrens_homes"))
    sentences = [
        say(
            f,
            "Children’s homes (other than secure homes and residential special schools): "
            "{pct:pct} good or outstanding as at {as_at:date}" + since + ".",
            pct=gos(homes),
            as_at="latest_overall_effectiveness.as_at",
            **paths,
        )
    ]
    pp = "providers_and_places"
    if (
        get(f, f"{PREVIOUS}.{pp}.places.all_childrens_homes") is not None
        and get(f, f"{pp}.places.all_childrens_homes") is not None
    ):
        since, paths = change_clause(
            f, f"{pp}.places.all_childrens_homes", f"{PREVIOUS}.{pp}.places.all_childrens_homes", ""
        )
        sentences.append(
            say(
                f,
                "Places in all children’s homes: {n} as at {as_at:date}" + since + ".",
                n=f"{pp}.places.all_childrens_homes",
                as_at=f"{pp}.as_at",
                **paths,
            )
        )
    return [
        Section(
            heading=Sentence("Change since a year earlier"),
            id="change-over-time",
            paragraphs=[Paragraph(sentences)],
            tables=[change_table(f)],
        )
    ]
