"""What the sections of the providers findings share: the paths they read, derived values
included, and core's sentence machinery bound to them.

The figures hold counts, so a path may also derive a value from them:

- ``total:P`` the sum of the counts in the block at P (None when any is None);
- ``A + B`` the sum of two or more paths;
- ``pct:A | B`` A as a whole percentage of B (halves away from zero);
- ``X - Y`` the difference of two of these (a change in percentage points is the difference
  of the two rounded percentages, as Ofsted gives it);
- and core/sentences.py's own forms (``A - B``, ``key:``...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inspection_outcomes.core import sentences
from inspection_outcomes.core.sentences import Sentence
from inspection_outcomes.publications.providers import common as pc

LATEST = "latest_overall_effectiveness.groups"
IN_YEAR = "in_year_overall_effectiveness.groups"


def resolve(figures: dict[str, Any], path: str) -> Any:
    """The value at a path, derived where the path says so; KeyError when it does not exist."""
    if " - " in path:
        left, right = (resolve(figures, p) for p in path.split(" - ", 1))
        return None if left is None or right is None else left - right
    if path.startswith("pct:"):
        num, den = path.removeprefix("pct:").split(" | ")
        return pc.share(resolve(figures, num), resolve(figures, den))
    if " + " in path:
        parts = [resolve(figures, p) for p in path.split(" + ")]
        return None if any(v is None for v in parts) else sum(parts)
    if path.startswith("total:"):
        block = sentences.resolve(figures, path.removeprefix("total:"))
        if not isinstance(block, dict):
            raise KeyError(path)
        return pc.total(block)
    return sentences.resolve(figures, path)


def say(figures: dict[str, Any], template: str, **paths: str) -> Sentence:
    """core's `say`, reading this release's paths (derived forms included)."""
    return sentences.say(figures, template, resolve, **paths)


def get(figures: dict[str, Any], path: str) -> Any:
    return sentences.get(figures, path, resolve)


def has(figures: dict[str, Any], *paths: str) -> bool:
    return sentences.has(figures, *paths, resolver=resolve)


def gos(block: str) -> str:
    """Path of good or outstanding as a percentage of the judged in a block."""
    return f"pct:{block}.outstanding + {block}.good | total:{block}"


PREVIOUS = "previous_year"


def change_clause(
    f: dict[str, Any], now: str, then: str, unit: str = "pct"
) -> tuple[str, dict[str, str]]:
    """A clause for the change since the previous year's figure, and the paths it quotes:
    ", up from 83% as at 31 March 2024 (2 percentage points)"; ("", {}) without a previous
    year. `unit` is "pct" (the change in percentage points) or "" (a count)."""
    d = get(f, f"{now} - {then}")
    if d is None:
        return "", {}
    paths = {"then_as_at": f"{PREVIOUS}.as_at"}
    if d == 0:
        return ", the same as at {then_as_at:date}", paths
    paths |= {"then": then, "diff": f"{now} - {then}"}
    word = "up" if d > 0 else "down"
    if unit == "pct":
        points = "percentage point" if abs(d) == 1 else "percentage points"
        return f", {word} from {{then:pct}} as at {{then_as_at:date}} ({{diff}} {points})", paths
    return f", {word} from {{then}} as at {{then_as_at:date}}", paths


@dataclass
class NotHeld(Sentence):
    """A sentence saying the source holds no data for `what`: a section of nothing else is
    left out of the release, and what it lacked is said once (build_providers_findings),
    with `why` where the reason is not simply that the source lacks it."""

    what: str = ""
    why: str = ""


def not_held(what: str, why: str = "") -> Sentence:
    if why:
        return NotHeld(f"{what[:1].upper()}{what[1:]} are not reported: {why}.", what=what, why=why)
    return NotHeld(
        f"The source data of this release do not hold {what}, so it is not reported.", what=what
    )
