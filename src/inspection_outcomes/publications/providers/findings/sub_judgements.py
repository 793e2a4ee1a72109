"""The judgements behind the headline: children's homes under the SCCIF, each of its three
judgements at the homes' latest full inspection."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence
from inspection_outcomes.core.types import DataTable
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS
from inspection_outcomes.publications.providers import common as pc
from inspection_outcomes.publications.providers.findings.shared import (
    PREVIOUS,
    change_clause,
    get,
    gos,
    has,
    not_held,
    say,
)

SUBS = "latest_sub_judgements.groups"
#: The SCCIF's three judgements, as the framework names them (the headline first).
SUB_JUDGEMENT_LABELS = {
    "overall": "Overall experiences and progress of children and young people",
    "help_and_protection": "How well children and young people are helped and protected",
    "leaders_and_managers": "The effectiveness of leaders and managers",
}
GROUP = "all_childrens_homes"


def sub_judgements_table(f: dict[str, Any], group: str = GROUP) -> DataTable:
    rows = []
    for sub, label in SUB_JUDGEMENT_LABELS.items():
        block = f"{SUBS}.{group}.{sub}"
        rows.append(
            [
                label,
                *(get(f, f"{block}.{j}") for j in JUDGEMENTS),
                get(f, f"total:{block}"),
                get(f, gos(block)),
            ]
        )
    return DataTable(
        id="sub_judgements",
        caption=(
            f"{pc.group_label(group)} by each judgement at their latest full "
            f"inspection, as at {pc.long_date(f['latest_sub_judgements']['as_at'])}"
        ),
        columns=[
            "Judgement",
            *(LABELS[j] for j in JUDGEMENTS),
            "With a judgement",
            "Good or outstanding (%)",
        ],
        rows=rows,
        notes=[
            "Under the social care common inspection framework (SCCIF) a full inspection of a "
            "children's home makes three judgements; the first is the overall judgement this "
            "release reports as the headline."
        ],
    )


def sections(f: dict[str, Any]) -> list[Section]:
    head = Sentence("The judgements behind the headline")
    if not has(
        f, f"total:{SUBS}.{GROUP}.help_and_protection", f"total:{SUBS}.{GROUP}.leaders_and_managers"
    ):
        return [
            Section(
                heading=head,
                id="sub-judgements",
                paragraphs=[
                    Paragraph([not_held("children's homes' judgements other than the overall one")])
                ],
            )
        ]
    bullets = []
    for sub in ("help_and_protection", "leaders_and_managers"):
        block = f"{SUBS}.{GROUP}.{sub}"
        since, paths = change_clause(f, gos(block), gos(f"{PREVIOUS}.{block}"))
        bullets.append(
            say(
                f,
                f"{SUB_JUDGEMENT_LABELS[sub]}: {{pct:pct}} good or outstanding" + since,
                pct=gos(block),
                **paths,
            )
        )
    return [
        Section(
            heading=head,
            id="sub-judgements",
            paragraphs=[
                Paragraph(
                    [
                        say(
                            f,
                            "A full inspection of a children’s home judges the overall "
                            "experiences and progress of children and young people (the "
                            "headline), how well they are helped and protected, and the "
                            "effectiveness of leaders and managers. Of the {n} children’s "
                            "homes with a judgement as at {as_at:date}:",
                            n=f"total:{SUBS}.{GROUP}.overall",
                            as_at="latest_sub_judgements.as_at",
                        )
                    ]
                ),
                Paragraph(bullets, style="bullets"),
            ],
            tables=[sub_judgements_table(f)],
        )
    ]
