"""The LA release's figures agree with themselves: every distribution, the change table, and
the count of LAs. Run in every build (a disagreement fails it) and in `outcomes check`."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.consistency import check_distributions


def check_figures(figures: dict[str, Any]) -> list[str]:
    """Internal agreement of the figures dict: totals, percentages, change tables."""
    return [
        *check_distributions(figures),
        *_change_problems(figures),
        *_local_authority_problems(figures),
    ]


def _change_problems(figures: dict[str, Any]) -> list[str]:
    ch = figures.get("change_since_earlier_inspection")
    if not ch or ch.get("n") is None:
        return []
    problems = []
    for change in ("improved", "retained", "declined"):
        cells = sum(row[change] or 0 for row in ch["matrix"].values())
        if cells != ch[change]:
            problems.append(
                f"change_since_earlier_inspection.{change} is {ch[change]} but "
                f"the matrix adds up to {cells}"
            )
    if ch["improved"] + ch["retained"] + ch["declined"] != ch["n"]:
        problems.append(
            f"change_since_earlier_inspection: improved + retained + declined is not n ({ch['n']})"
        )
    return problems


def _local_authority_problems(figures: dict[str, Any]) -> list[str]:
    la = figures.get("local_authorities")
    if not la:
        return []
    parts = la["graded"] + len(la["not_yet_graded"]) + len(la.get("judgement_not_in_source", []))
    if parts != la["total"]:
        return [
            f"local_authorities: graded + not yet graded + not in source is {parts}, "
            f"not the total {la['total']}"
        ]
    return []
