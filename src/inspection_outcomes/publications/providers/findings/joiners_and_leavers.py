"""Joiners and leavers: children's homes and providers that joined or left the register."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence
from inspection_outcomes.publications.providers.findings.shared import get, has, not_held, say


def sections(f: dict[str, Any]) -> list[Section]:
    jl = "joiners_and_leavers"
    if not has(f, f"{jl}.joiners.all_childrens_homes", f"{jl}.start"):
        paras = [Paragraph([not_held("joiners and leavers")])]
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
    return [
        Section(heading=Sentence("Joiners and leavers"), id="joiners-and-leavers", paragraphs=paras)
    ]
