"""Labels and derived values shared by the providers release's writers.

The figures dict (release/providers_figures.py) holds counts only; totals and percentages are
derived here, the same way for the workbook, the tidy CSV, the charts and the findings.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from inspection_outcomes.model import providers as pm
from inspection_outcomes.model.scale import (
    JUDGEMENTS,
    LABELS,
    SUPPORTED_ACCOMMODATION_JUDGEMENTS,
    SUPPORTED_ACCOMMODATION_LABELS,
    percent,
)
from inspection_outcomes.publications.providers.figures import REGIONS

#: Every grade of either scale -> its label.
GRADE_LABELS: dict[str, str] = {**LABELS, **SUPPORTED_ACCOMMODATION_LABELS}
SECTOR_LABELS = {
    "private": "Private",
    "local_authority": "Local authority",
    "voluntary": "Voluntary",
    "academy": "Academy",
    "health_authority": "Health authority",
}
#: Groups judged on the four-point scale, and the one judged on supported accommodation's.
FOUR_POINT_GROUPS = tuple(g for g in pm.GROUPS if g not in pm.SA_GROUPS)
SA_GROUPS = tuple(pm.SA_GROUPS)


#: The fewest providers (or homes) with a judgement for which the text gives a percentage:
#: below it, a percentage would describe one or two providers, so the count is given alone.
MIN_FOR_PERCENT = 5


def group_label(group: str) -> str:
    """'all_childrens_homes' -> "All children's homes"."""
    return group.replace("_", " ").capitalize().replace("hildrens", "hildren's")


def sector_label(sector: str) -> str:
    return SECTOR_LABELS.get(sector, sector.replace("_", " ").capitalize())


def scale_of(group: str) -> tuple[str, ...]:
    return SUPPORTED_ACCOMMODATION_JUDGEMENTS if group in pm.SA_GROUPS else JUDGEMENTS


def total(counts: dict[str, Any] | None) -> int | None:
    """Providers (or inspections) with a judgement: the sum of a block, None if unsupported."""
    if not counts or any(v is None for v in counts.values()):
        return None
    return int(sum(counts.values()))


def best_two(counts: dict[str, Any] | None) -> int | None:
    """Good or outstanding (the top two grades of the four-point scale)."""
    if not counts or counts.get("outstanding") is None or counts.get("good") is None:
        return None
    return int(counts["outstanding"] + counts["good"])


def share(count: int | None, n: int | None) -> int | None:
    """Whole percent, halves away from zero; None when either is missing or n is 0."""
    if count is None or not n:
        return None
    return percent(count, n)


def long_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day} {d:%B} {d.year}"


def release_title(as_at: str) -> str:
    return (
        f"Children's social care providers and their inspection outcomes as at {long_date(as_at)}"
    )


def ordered(keys: Any, order: tuple[str, ...]) -> list[str]:
    """Keys in a fixed order, then any others sorted: outputs never follow a dict's order."""
    keys = list(keys)
    return [k for k in order if k in keys] + sorted(k for k in keys if k not in order)


def groups(block: dict[str, Any]) -> list[str]:
    """Provider groups of a {group: ...} block, in Ofsted's order."""
    return ordered(block, tuple(pm.GROUPS))


def sectors(block: dict[str, Any]) -> list[str]:
    return ordered(block, tuple(pm.SECTORS))


def regions(block: dict[str, Any]) -> list[str]:
    """Ofsted's 8 regions, then any other the data hold (e.g. Wales)."""
    return ordered(block, REGIONS)


def areas(block: dict[str, Any]) -> list[str]:
    return sorted(block)
