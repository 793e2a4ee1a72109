"""The figures of the LA inspection outcomes release: one dict, the contract of figures.md.

Every number is a count from the warehouse's SQL models; percentages are computed from counts
(model.scale.percent), never by adding rounded percentages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from inspection_outcomes.model import local_authorities
from inspection_outcomes.model.frameworks import (
    ILACS_EVENT_TYPES,
    SUB_JUDGEMENT_AREAS,
    framework_versions,
    in_force_during,
)
from inspection_outcomes.model.reference import read_table
from inspection_outcomes.model.scale import JUDGEMENTS, percent
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from inspection_outcomes.store.inspections import Warehouse

REGIONS = tuple(
    r["region"] for r in sorted(read_table("regions.csv"), key=lambda r: int(r["order"]))
)
THEMES = tuple(r["theme"] for r in read_table("focused_visit_themes.csv"))


def distribution(counts: dict[str, int]) -> dict[str, Any]:
    """{n, counts, percent, good_or_outstanding_percent} from counts by judgement."""
    full = {j: int(counts.get(j, 0)) for j in JUDGEMENTS}
    n = sum(full.values())
    return {
        "n": n,
        "counts": full,
        "percent": {j: percent(c, n) for j, c in full.items()},
        "good_or_outstanding_percent": percent(full["outstanding"] + full["good"], n),
    }


def _iso(d: date) -> str:
    return d.isoformat()


def coverage(wh: Warehouse) -> list[str]:
    """Event types the source holds: what its kind can hold (all ILACS types for canonical
    records), plus earlier frameworks' types present."""
    present = {
        str(r["event_type"])
        for r in wh.rows(
            "SELECT CAST(kind_event_type(kind) AS VARCHAR) AS event_type "
            "FROM (SELECT DISTINCT kind FROM event_facts WHERE kind IS NOT NULL)"
        )
    }
    holds = set(wh.source.holds) if wh.source.holds is not None else set(ILACS_EVENT_TYPES)
    order = [*ILACS_EVENT_TYPES, "sif_inspection", "cpi_inspection"]
    return [t for t in order if t in holds and (t in ILACS_EVENT_TYPES or t in present)]


def release_snapshot(wh: Warehouse, spec: ReleaseSpec) -> None:
    """The warehouse's as-at snapshot of the release: its date and the two 31 Marches before,
    each with its own cut-off (made once; every as-at figure reads it)."""
    year_before, two_years_before = spec.earlier(1), spec.earlier(2)
    wh.snapshot(
        spec.as_at,
        spec.publication_cutoff,
        spec.compare,
        (year_before.as_at, year_before.publication_cutoff),
        (two_years_before.as_at, two_years_before.publication_cutoff),
    )


def as_at_block(wh: Warehouse, spec: ReleaseSpec, years_back: int = 0) -> dict[str, Any]:
    """Headline, regions, sub-judgements and LA lists as at the release's date; for one of
    the two 31 Marches before it (`years_back` 1 or 2), the headline and LA lists alone."""
    release_snapshot(wh, spec)
    overall_only = years_back > 0
    day = [spec.earlier(years_back).as_at if overall_only else spec.as_at]
    ungraded = wh.rows("SELECT name, status FROM as_at_ungraded(?) ORDER BY name, la_code", day)
    total = wh.value("SELECT n FROM as_at_total(?)", day)
    by_area: dict[str, Counter[str]] = defaultdict(Counter)
    by_region: dict[str, Counter[str]] = defaultdict(Counter)
    if overall_only:
        for r in wh.rows("SELECT * FROM as_at_overall_counts(?)", day):
            by_area["overall_effectiveness"][str(r["judgement"])] += int(r["n"])
    else:
        for r in wh.rows("SELECT * FROM as_at_counts(?)", day):
            by_area[str(r["area"])][str(r["judgement"])] += int(r["n"])
            if r["area"] == "overall_effectiveness":
                by_region[str(r["region"])][str(r["judgement"])] += int(r["n"])
    graded = sum(by_area["overall_effectiveness"].values())
    block: dict[str, Any] = {
        "local_authorities": {
            "total": int(total),
            "graded": graded,
            "not_yet_graded": [str(r["name"]) for r in ungraded if r["status"] == "not_yet_graded"],
            "judgement_not_in_source": [
                str(r["name"]) for r in ungraded if r["status"] == "judgement_not_in_source"
            ],
        },
        "overall_effectiveness": distribution(by_area["overall_effectiveness"]),
    }
    if not overall_only:
        block["by_region"] = {region: distribution(by_region[region]) for region in REGIONS}
        block["sub_judgements"] = {a: distribution(by_area[a]) for a in SUB_JUDGEMENT_AREAS}
    return block


def framework_mix(wh: Warehouse, spec: ReleaseSpec) -> dict[str, int]:
    """How many LAs existing at the date have their most recent graded inspection under each
    framework version (oldest version first; versions with none left out)."""
    counts = {
        str(r["framework"]): int(r["n"])
        for r in wh.rows(
            "SELECT * FROM as_at_framework_mix(?, ?)", [spec.as_at, spec.publication_cutoff]
        )
    }
    return {f.framework: counts[f.framework] for f in framework_versions() if f.framework in counts}


def care_leavers_vs_children_in_care(wh: Warehouse, spec: ReleaseSpec) -> dict[str, Any]:
    """LAs with a care leavers judgement against children in care at the same inspection."""
    release_snapshot(wh, spec)
    r = wh.rows("SELECT * FROM care_leavers_comparison(?)", [spec.as_at])[0]
    n, different, same_or_better = int(r["n"]), int(r["different"]), int(r["same_or_better"])
    return {
        "n": n,
        "different": different,
        "different_percent": percent(different, n),
        "same_or_better": same_or_better,
        "same_or_better_percent": percent(same_or_better, n),
    }


def change_block(wh: Warehouse, spec: ReleaseSpec) -> dict[str, Any]:
    """Change since the earlier inspection as at the release's date."""
    release_snapshot(wh, spec)
    rows = wh.rows("SELECT * FROM change_summary(?)", [spec.as_at])
    comparable = [r for r in rows if r["change"] is not None]
    n = sum(int(r["n"]) for r in comparable)
    matrix: dict[str, dict[str, int | None]] = {}
    for j in JUDGEMENTS:
        cells: dict[str, int | None] = {}
        for change in ("improved", "retained", "declined"):
            impossible = (j == "outstanding" and change == "improved") or (
                j == "inadequate" and change == "declined"
            )
            cells[change] = (
                None
                if impossible
                else sum(
                    int(r["n"])
                    for r in comparable
                    if r["earlier_judgement"] == j and r["change"] == change
                )
            )
        matrix[j] = cells
    totals: Counter[str] = Counter()
    for r in comparable:
        totals[str(r["change"])] += int(r["n"])
    retained_go = sum(int(r["retained_good_or_outstanding"]) for r in comparable)
    return {
        "compared_with": spec.compare,
        "n": n,
        "not_comparable": sum(int(r["n"]) for r in rows if r["change"] is None),
        "matrix": matrix,
        **{k: totals[k] for k in ("improved", "retained", "declined")},
        **{f"{k}_percent": percent(totals[k], n) for k in ("improved", "retained", "declined")},
        "retained_good_or_outstanding": retained_go,
        "retained_good_or_outstanding_percent": percent(retained_go, n),
        "improved_by_two": sum(int(r["improved_by_two"]) for r in comparable),
        "declined_by_two": sum(int(r["declined_by_two"]) for r in comparable),
    }


def _theme_counts(wh: Warehouse) -> dict[str, int]:
    counts = {str(r["theme"]): int(r["n"]) for r in wh.rows("SELECT * FROM in_year_theme_counts()")}
    return {t: counts.get(t, 0) for t in THEMES}


def in_year_block(wh: Warehouse, spec: ReleaseSpec, types: list[str]) -> dict[str, Any]:
    wh.period_snapshot(spec.period_start, spec.period_end, spec.publication_cutoff)
    by_type = {
        str(r["event_type"]): int(r["n"]) for r in wh.rows("SELECT * FROM in_year_by_type()")
    }

    def held(t: str, value: Any) -> Any:
        """A figure about an event type the source does not hold is null, never 0."""
        return value if t in types else None

    all_held = all(t in types for t in ILACS_EVENT_TYPES)
    las_visited = int(wh.value("SELECT las FROM in_year_las_visited()"))
    graded = wh.rows("SELECT * FROM in_year_graded_summary()")
    judged: Counter[str] = Counter()
    for g in graded:
        if g["judgement"] is not None:
            judged[str(g["judgement"])] += int(g["n"])
    dist = distribution(judged)
    previously = [g for g in graded if g["previously_inspected"]]
    changes: Counter[str] = Counter()
    for g in previously:
        if g["change"]:
            changes[str(g["change"])] += int(g["n"])
    after_inadequate = [g for g in previously if g["previous_judgement"] == "inadequate"]
    graded_las = int(wh.value("SELECT count(DISTINCT la_id) FROM in_year_graded_snapshot"))
    n_focused = int(wh.value("SELECT n FROM in_year_focused_visits_count()"))
    to_requires_improvement = int(
        wh.value("SELECT n FROM in_year_focused_to_requires_improvement()")
    )
    themes = _theme_counts(wh)
    monitoring = wh.rows("SELECT * FROM in_year_monitoring_summary()")[0]
    fv = "focused_visit"
    mv = "monitoring_visit"
    return {
        "visits": sum(by_type.values()) if all_held else None,
        "las_visited": las_visited if all_held else None,
        "las_visited_graded_inspections": graded_las,
        "by_type": {t: held(t, by_type.get(t, 0)) for t in ILACS_EVENT_TYPES},
        "graded": {
            "n": dist["n"],
            "counts": dist["counts"],
            "percent": dist["percent"],
            "good_or_outstanding_percent": dist["good_or_outstanding_percent"],
            "previously_inspected": sum(int(g["n"]) for g in previously),
            **{k: changes[k] for k in ("improved", "declined", "retained")},
            "retained_good_or_outstanding": sum(
                int(g["n"])
                for g in previously
                if g["change"] == "retained" and g["judgement"] in ("outstanding", "good")
            ),
            "reinspected_after_inadequate": sum(int(g["n"]) for g in after_inadequate),
            "reinspected_after_inadequate_improved_to_good": sum(
                int(g["n"]) for g in after_inadequate if g["judgement"] == "good"
            ),
        },
        "focused_visits": {
            "n": held(fv, n_focused),
            "to_requires_improvement_las": held(fv, to_requires_improvement),
            "themes": {t: held(fv, themes[t]) for t in THEMES},
            "themes_percent": {t: held(fv, percent(themes[t], n_focused)) for t in THEMES},
        },
        "monitoring_visits": {
            "n": held(mv, int(monitoring["n"])),
            "las": held(mv, int(monitoring["las"])),
            "las_reinspected": held(mv, int(monitoring["las_reinspected"])),
        },
    }


def previous_year_focused_visits(
    wh: Warehouse, spec: ReleaseSpec, types: list[str]
) -> dict[str, Any] | None:
    """Focused visit themes in the year before the period (with that year's own cut-off), for
    "this year against last"."""
    if "focused_visit" not in types:
        return None
    prev = spec.earlier(1)
    wh.period_snapshot(prev.period_start, prev.period_end, prev.publication_cutoff, judged=False)
    n = int(wh.value("SELECT n FROM in_year_focused_visits_count()"))
    counts = _theme_counts(wh)
    return {
        "start": _iso(prev.period_start),
        "end": _iso(prev.period_end),
        "n": n,
        "themes": counts,
        "themes_percent": {t: percent(counts[t], n) for t in THEMES},
    }


def framework_notes(spec: ReleaseSpec) -> list[dict[str, str | None]]:
    return [
        {
            "framework": f.framework,
            "name": f.name,
            "effective_from": _iso(f.effective_from),
            "effective_to": _iso(f.effective_to) if f.effective_to else None,
            "notes": f.notes,
        }
        for f in in_force_during(date(2018, 1, 1), spec.as_at)
        if f.is_ilacs
    ]


def compute_figures(wh: Warehouse, spec: ReleaseSpec) -> dict[str, Any]:
    """Every headline figure of the release as at spec.as_at."""
    types = coverage(wh)
    current = as_at_block(wh, spec)
    care_leavers = care_leavers_vs_children_in_care(wh, spec)
    inadequate_one_sub = int(wh.value("SELECT n FROM inadequate_one_sub(?)", [spec.as_at]))
    change = change_block(wh, spec)
    earlier = {}
    for years_back in (1, 2):
        e = spec.earlier(years_back)
        block = as_at_block(wh, spec, years_back)
        earlier[_iso(e.as_at)] = {
            **block["overall_effectiveness"],
            "publication_cutoff": _iso(e.publication_cutoff),
            "local_authorities": block["local_authorities"],
            "framework_mix": framework_mix(wh, e),
        }
    structural = [
        {
            "date": _iso(day),
            "la_code": la.la_code,
            "name": la.name,
            "predecessors": [
                local_authorities.by_code()[p].name
                for p in la.predecessors
                if p in local_authorities.by_code()
            ],
        }
        for day, la in local_authorities.structural_changes()
        if day <= spec.as_at
    ]
    notes = []
    if spec.provisional:
        notes.append(
            f"The in-period figures ({_long(spec.period_start)} to {_long(spec.period_end)}) "
            "are provisional: reports of some inspections in the period may not yet have been "
            "published. They will be revised in the next annual release."
        )
    without_overall = [
        f
        for f in framework_notes(spec)
        if "overall_effectiveness" not in _judgements(str(f["framework"]))
    ]
    if without_overall:
        notes.append(
            "From 1 April 2026 ILACS inspections give no overall effectiveness "
            "judgement: an LA's overall effectiveness is its most recent inspection "
            "that gave one; its sub-judgements are from its most recent inspection."
        )
    in_year = in_year_block(wh, spec, types)
    in_year["focused_visits"]["previous_year"] = previous_year_focused_visits(wh, spec, types)
    return {
        "release": "local_authority_inspection_outcomes",
        "as_at": _iso(spec.as_at),
        "publication_cutoff": _iso(spec.publication_cutoff),
        "period": {"start": _iso(spec.period_start), "end": _iso(spec.period_end)},
        "provisional": spec.provisional,
        "coverage": types,
        "framework_mix": framework_mix(wh, spec),
        **current,
        "care_leavers_vs_children_in_care": care_leavers,
        "inadequate_overall_with_one_inadequate_sub_judgement": inadequate_one_sub,
        "change_since_earlier_inspection": change,
        "earlier_as_at": earlier,
        "in_year": in_year,
        "frameworks_in_force": framework_notes(spec),
        "structural_changes": structural,
        "notes": notes,
    }


def _long(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def _judgements(framework: str) -> tuple[str, ...]:
    from inspection_outcomes.model.frameworks import by_id

    return by_id()[framework].judgements
