"""What the history shows about when the next inspection comes: the gaps observed between
the start of one graded inspection of an LA and the start of its next, grouped by the earlier
inspection's framework (ILACS, whichever its version: the versions schedule alike; SIF; CPI)
and overall effectiveness judgement, and the gaps from an
LA's creation by reorganisation to its first graded inspection. Recomputed from the records
held as at the release's date (both inspections included by its cut-off rule) every time.
A gap is counted only where both starts are held: records whose start date the source lacks
(reports before ILACS, dated by publication) mark where one gap ends and the next begins but
give neither a length.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspection_outcomes.model.frameworks import by_id, framework_versions
from inspection_outcomes.model.scale import JUDGEMENTS
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from inspection_outcomes.store.inspections import Warehouse

#: A gap after a graded inspection, or after an LA's creation.
AFTER_INSPECTION = "inspection"
AFTER_CREATION = "creation"
#: Every version of ILACS as one framework.
ILACS = "ilacs"


def framework_of(version: str | None) -> str | None:
    """The framework a version belongs to, as the table groups them: ilacs, sif or cpi."""
    found = by_id().get(version or "")
    return ILACS if found is not None and found.is_ilacs else version


@dataclass(frozen=True)
class GapRow:
    """Gaps in days after one kind of start: `framework` (framework_of) and `judgement` are
    those of the earlier inspection (None after a creation; a None judgement: not held by
    the source, or not given)."""

    after: str
    framework: str | None
    judgement: str | None
    n: int
    min_days: int
    median_days: float
    max_days: int

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        return (self.after, self.framework, self.judgement)


#: Consecutive graded inspections of each LA by recency (the order of the release's
#: figures); a successor LA's history starts with its own first inspection.
_GAPS_SQL = """
WITH graded AS (
    SELECT g.la_id, i.start_date, g.recency,
           CASE WHEN in_ilacs(g.kind) THEN 'ilacs' ELSE i.framework END AS framework,
           CAST(recency_judgement(g.recency, 1) AS VARCHAR) AS judgement
    FROM graded_inspections AS g
    JOIN inspection_events AS i ON i.event_row = g.event_row
    WHERE included(g.took_place, g.publication_date, ?, ?)
), paired AS (
    SELECT *, lead(start_date) OVER (PARTITION BY la_id ORDER BY recency) AS next_start,
           row_number() OVER (PARTITION BY la_id ORDER BY recency) AS nth
    FROM graded
), gaps AS (
    SELECT 'inspection' AS after, framework, judgement, next_start - start_date AS days
    FROM paired
    WHERE next_start IS NOT NULL AND start_date IS NOT NULL
    UNION ALL
    SELECT 'creation', NULL, NULL, p.start_date - la.valid_from
    FROM paired AS p
    JOIN local_authorities AS la ON la.la_id = p.la_id
    WHERE p.nth = 1 AND la.valid_from IS NOT NULL AND p.start_date >= la.valid_from
)
SELECT after, framework, judgement, count(*) AS n, min(days) AS min_days,
       median(days) AS median_days, max(days) AS max_days
FROM gaps
GROUP BY ALL
"""


def _number(x: float) -> float:
    """A median in days: whole where it is (an even count may give a half day)."""
    return int(x) if float(x).is_integer() else float(x)


def _order(row: GapRow) -> tuple[int, int, int]:
    """Gaps after inspections first, by framework in time order and judgement best first
    (one not held last); then those after a creation."""
    frameworks = list(dict.fromkeys(framework_of(f.framework) for f in framework_versions()))
    return (
        row.after == AFTER_CREATION,
        frameworks.index(row.framework) if row.framework in frameworks else len(frameworks),
        JUDGEMENTS.index(row.judgement) if row.judgement in JUDGEMENTS else len(JUDGEMENTS),
    )


def observed_gaps(wh: Warehouse, spec: ReleaseSpec) -> tuple[GapRow, ...]:
    rows = (
        GapRow(
            after=r["after"],
            framework=r["framework"],
            judgement=r["judgement"],
            n=int(r["n"]),
            min_days=int(r["min_days"]),
            median_days=_number(r["median_days"]),
            max_days=int(r["max_days"]),
        )
        for r in wh.rows(_GAPS_SQL, [spec.as_at, spec.publication_cutoff])
    )
    return tuple(sorted(rows, key=_order))
