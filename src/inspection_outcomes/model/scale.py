"""The judgement scales and their order (best first)."""

from __future__ import annotations

from typing import Final

#: The four-point scale of ILACS, SIF and the provider frameworks, best first.
JUDGEMENTS: Final = ("outstanding", "good", "requires_improvement", "inadequate")

LABELS: Final = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement to be good",
    "inadequate": "Inadequate",
}

SHORT_LABELS: Final = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
}

#: Supported accommodation has its own three-point scale (best first).
SUPPORTED_ACCOMMODATION_JUDGEMENTS: Final = (
    "consistently_strong",
    "inconsistent_quality",
    "serious_or_widespread_weaknesses",
)

SUPPORTED_ACCOMMODATION_LABELS: Final = {
    "consistently_strong": "Consistently strong",
    "inconsistent_quality": "Inconsistent quality",
    "serious_or_widespread_weaknesses": "Serious or widespread weaknesses",
}


def rank(judgement: str) -> int:
    """1 for outstanding ... 4 for inadequate; a lower rank is a better judgement."""
    return JUDGEMENTS.index(judgement) + 1


def parse_grade(text: str) -> str | None:
    """Normalise a grade as written in reports and extracts; None when it is not one.

    Accepts 'Requires improvement to be good', 'requires improvement', 'Good ', 'GOOD'...
    """
    t = " ".join(text.replace("_", " ").replace("\u2019", "'").split()).lower()
    if t in ("outstanding",):
        return "outstanding"
    if t in ("good",):
        return "good"
    if t in ("requires improvement", "requires improvement to be good"):
        return "requires_improvement"
    if t in ("inadequate",):
        return "inadequate"
    return None


def percent(count: int, n: int) -> int | None:
    """100 * count / n rounded half away from zero (the figures contract); None when n is 0."""
    if n == 0:
        return None
    # Integer arithmetic: exact, and halves go away from zero.
    return (200 * count + n) // (2 * n)
