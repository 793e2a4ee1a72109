"""An LA's rank and position in England and in its region, as DfE's local authority
interactive tool (LAIT) shows an LA's standing: rank 1 is the best judgement, and its region's
and England's distribution beside its own judgement. The judgement is the release's: overall
effectiveness at the most recent graded inspection giving it, as at the date.

LAs with the same judgement share a rank, the best of their places (as in 1, 1, 3); the
quartile band (A, the best quarter, to D) is the quarter of the ranking the rank falls in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from inspection_outcomes.model.frameworks import ILACS_AREAS
from inspection_outcomes.model.scale import JUDGEMENTS, rank
from inspection_outcomes.publications.la_outcomes.figures import distribution
from inspection_outcomes.publications.la_outcomes.profiles.records import as_at_query
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from inspection_outcomes.store.inspections import Warehouse

AREA = "overall_effectiveness"
QUARTILES = "ABCD"
ENGLAND = "England"


@dataclass(frozen=True)
class Position:
    among: str  # England, or the region's name
    rank: int | None  # None: the LA has no judgement to rank
    of: int  # LAs with a judgement
    better: int
    same: int
    worse: int
    quartile: str | None
    without_judgement: int  # LAs existing at the date with none (not yet inspected, not held)
    distribution: dict[str, Any]  # n, counts, percent, good_or_outstanding_percent


@dataclass(frozen=True)
class Standing:
    area: str
    judgement: str | None
    england: Position
    region: Position


@dataclass(frozen=True)
class JudgementCounts:
    """LAs existing at the date by region and judgement (None: without one)."""

    by_region: Mapping[str, Counter[str | None]]

    def among(self, region: str | None) -> Counter[str | None]:
        if region is not None:
            return self.by_region.get(region, Counter())
        total: Counter[str | None] = Counter()
        for counts in self.by_region.values():
            total.update(counts)
        return total


@dataclass(frozen=True)
class AsAtJudgements:
    """The most recent judgement in each area of some LAs existing at the date (as the
    release's figures take them), and every LA counted by region and overall judgement."""

    of_la: Mapping[str, Mapping[str, str | None]]
    counts: JudgementCounts


def as_at_judgements(
    wh: Warehouse, spec: ReleaseSpec, codes: Iterable[str] | None = None
) -> AsAtJudgements:
    """One pass over the release's judgements: the LAs with these codes (None: all) one row
    each, the others grouped by what is counted of them."""
    where, params = as_at_query(spec, "la_code", codes)
    # (the codes' parameter, where given, comes first in the text: the CASE before the macro)
    wanted, params = (
        (where.removeprefix("WHERE "), [*params[2:], *params[:2]]) if where else ("true", params)
    )
    areas = ", ".join(f"CAST({a} AS VARCHAR) AS {a}" for a in ILACS_AREAS)
    of_la: dict[str, dict[str, str | None]] = {}
    by_region: dict[str, Counter[str | None]] = {}
    rows = wh.rows(
        f"""SELECT CASE WHEN {wanted} THEN la_code END AS la_code, region, {areas},
                              count(*) AS n
                       FROM as_at_judgements(?, ?) GROUP BY ALL""",
        params,
    )
    for r in rows:
        by_region.setdefault(r["region"] or "", Counter())[r[AREA]] += int(r["n"])
        if r["la_code"] is not None:
            of_la[r["la_code"]] = {a: r[a] for a in ILACS_AREAS}
    return AsAtJudgements(of_la, JudgementCounts(by_region))


def position(among: str, counts: Counter[str | None], judgement: str | None) -> Position:
    judged = {j: counts.get(j, 0) for j in JUDGEMENTS}
    of = sum(judged.values())
    better = sum(n for j, n in judged.items() if judgement and rank(j) < rank(judgement))
    same = judged.get(judgement, 0) if judgement else 0
    place = better + 1 if judgement and same else None
    return Position(
        among=among,
        rank=place,
        of=of,
        better=better,
        same=same,
        worse=of - better - same if place else 0,
        quartile=QUARTILES[min(3, (place - 1) * 4 // of)] if place else None,
        without_judgement=counts.get(None, 0),
        distribution=distribution(judged),
    )


def standing(counts: JudgementCounts, region: str, judgement: str | None) -> Standing:
    return Standing(
        AREA,
        judgement,
        position(ENGLAND, counts.among(None), judgement),
        position(region, counts.among(region), judgement),
    )
