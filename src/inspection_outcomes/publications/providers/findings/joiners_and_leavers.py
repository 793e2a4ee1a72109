"""Joiners and leavers: children's homes and providers that joined or left the register."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence
from inspection_outcomes.publications.providers.findings.shared import get, has, not_held, say


def sections(f: dict[str, Any]) -> list[Section]:
    jl = "joiners_and_leavers"
    if not has(f, f"{jl}.joiners.all_childrens_homes", f"{jl}.start"):
        why = get(f, f"{jl}.absent_because")
        paras = [Paragraph([not_held("joiners and leavers", why or "")])]
    else:
        net = get(f, f"{jl}.joiners.all_childrens_homes - {jl}.leavers.all_childrens_homes")
        change = (
            "an increase of {net}"
            if net > 0
            else "a decrease of {net}"
            if net < 0
            else "no net change"
        )
        paras = [
            Paragraph(
                [
                    say(
                        f,
                        "Between {start:date} and {end:date}, {j} children’s homes joined the "
                        "register and {l} left: " + change + ".",
                        start=f"{jl}.start",
                        end=f"{jl}.end",
                        j=f"{jl}.joiners.all_childrens_homes",
                        l=f"{jl}.leavers.all_childrens_homes",
                        net=f"{jl}.joiners.all_childrens_homes - {jl}.leavers.all_childrens_homes",
                    ),
                    say(
                        f,
                        "Across all providers, {j} joined and {l} left.",
                        j=f"{jl}.joiners.all_providers",
                        l=f"{jl}.leavers.all_providers",
                    ),
                ]
            )
        ]
        if get(f, f"{jl}.method") == "registers":
            paras.append(
                Paragraph(
                    [
                        say(
                            f,
                            "These are found by comparing the register as at {then:date} with "
                            "the register as at {now:date}: a provider that joined and left "
                            "between the two dates is counted in neither.",
                            then="previous_year.as_at",
                            now="providers_and_places.as_at",
                        )
                    ]
                )
            )
    return [
        Section(
            heading=Sentence("Joiners and leavers"),
            id="joiners-and-leavers",
            paragraphs=paras,
            figure_ids=["figure_6"],
        )
    ]
