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
    in_force_during,
)
from inspection_outcomes.model.reference import read_table
from inspection_outcomes.model.scale import JUDGEMENTS, percent
from inspection_outcomes.release.spec import ReleaseSpec
from inspection_outcomes.store.warehouse import Warehouse

REGIONS = tuple(r["region"] for r in sorted(read_table("regions.csv"),
                                            key=lambda r: int(r["order"])))
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
    present = {str(r["event_type"]) for r in wh.rows(
        "SELECT DISTINCT event_type FROM inspection_events")}
    holds = set(wh.source.holds) if wh.source.holds is not None else set(ILACS_EVENT_TYPES)
    order = [*ILACS_EVENT_TYPES, "sif_inspection", "cpi_inspection"]
    return [t for t in order if t in holds and (t in ILACS_EVENT_TYPES or t in present)]


def as_at_block(wh: Warehouse, as_at: date, cutoff: date) -> dict[str, Any]:
    """Headline, regions, sub-judgements and LA lists as at a date."""
    rows = wh.rows("SELECT la_code, la_name, region, area, judgement, event_id "
                   "FROM most_recent_judgements(?, ?)", [as_at, cutoff])
    existing = wh.rows("SELECT la_code, name, region FROM las_on(?) ORDER BY name", [as_at])
    overall = {str(r["la_code"]): r for r in rows if r["area"] == "overall_effectiveness"}
    graded = {c: r for c, r in overall.items() if r["judgement"] is not None}
    unreadable = sorted(str(r["la_name"]) for r in overall.values() if r["judgement"] is None)
    not_graded = [str(la["name"]) for la in existing if la["la_code"] not in overall]
    by_area: dict[str, Counter[str]] = defaultdict(Counter)
    by_region: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r["judgement"] is not None:
            by_area[str(r["area"])][str(r["judgement"])] += 1
    for r in graded.values():
        by_region[str(r["region"])][str(r["judgement"])] += 1
    return {
        "local_authorities": {
            "total": len(existing),
            "graded": len(graded),
            "not_yet_graded": not_graded,
            "judgement_not_in_source": unreadable,
        },
        "overall_effectiveness": distribution(by_area["overall_effectiveness"]),
        "by_region": {region: distribution(by_region[region]) for region in REGIONS},
        "sub_judgements": {a: distribution(by_area[a]) for a in SUB_JUDGEMENT_AREAS},
        "_rows": rows,
    }


def care_leavers_vs_children_in_care(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """LAs with a care leavers judgement against children in care at the same inspection."""
    by_event: dict[str, dict[str, Any]] = defaultdict(dict)
    leavers = [r for r in rows if r["area"] == "care_leavers" and r["judgement"] is not None]
    care = {(r["la_code"], r["event_id"]): r["judgement"] for r in rows
            if r["area"] == "children_in_care"}
    n = different = same_or_better = 0
    for r in leavers:
        other = care.get((r["la_code"], r["event_id"]))
        if other is None:
            continue
        n += 1
        different += other != r["judgement"]
        same_or_better += JUDGEMENTS.index(r["judgement"]) <= JUDGEMENTS.index(other)
    del by_event
    return {"n": n, "different": different, "different_percent": percent(different, n),
            "same_or_better": same_or_better,
            "same_or_better_percent": percent(same_or_better, n)}


def inadequate_with_one_inadequate_sub(rows: list[dict[str, Any]]) -> int:
    """LAs inadequate overall whose most recent inspection gave exactly one inadequate
    sub-judgement."""
    overall = {r["la_code"]: r for r in rows if r["area"] == "overall_effectiveness"
               and r["judgement"] == "inadequate"}
    subs: Counter[str] = Counter(
        r["la_code"] for r in rows
        if r["area"] in SUB_JUDGEMENT_AREAS and r["judgement"] == "inadequate"
        and r["la_code"] in overall and r["event_id"] == overall[r["la_code"]]["event_id"])
    return sum(1 for la in overall if subs[la] == 1)


def change_block(wh: Warehouse, spec: ReleaseSpec) -> dict[str, Any]:
    rows = wh.rows("SELECT * FROM change_since_earlier(?, ?, ?)",
                   [spec.as_at, spec.publication_cutoff, spec.compare])
    comparable = [r for r in rows if r["change"] is not None]
    n = len(comparable)
    matrix: dict[str, dict[str, int | None]] = {}
    for j in JUDGEMENTS:
        cells: dict[str, int | None] = {}
        for change in ("improved", "retained", "declined"):
            impossible = (j == "outstanding" and change == "improved") or (
                j == "inadequate" and change == "declined")
            cells[change] = None if impossible else sum(
                1 for r in comparable if r["earlier_judgement"] == j and r["change"] == change)
        matrix[j] = cells
    totals = Counter(str(r["change"]) for r in comparable)
    retained_go = sum(1 for r in comparable if r["change"] == "retained"
                      and r["latest_judgement"] in ("outstanding", "good"))
    return {
        "compared_with": spec.compare,
        "n": n,
        "not_comparable": sorted(str(r["la_code"]) for r in rows if r["change"] is None),
        "matrix": matrix,
        **{k: totals[k] for k in ("improved", "retained", "declined")},
        **{f"{k}_percent": percent(totals[k], n) for k in ("improved", "retained", "declined")},
        "retained_good_or_outstanding": retained_go,
        "retained_good_or_outstanding_percent": percent(retained_go, n),
        "improved_by_two": sum(1 for r in comparable if (r["grades_improved"] or 0) >= 2),
        "declined_by_two": sum(1 for r in comparable if (r["grades_improved"] or 0) <= -2),
    }


def in_year_block(wh: Warehouse, spec: ReleaseSpec, types: list[str]) -> dict[str, Any]:
    args = [spec.period_start, spec.period_end, spec.publication_cutoff]
    events = wh.rows("SELECT event_type, la_code FROM in_year_events(?, ?, ?)", args)
    by_type = Counter(str(e["event_type"]) for e in events)

    def held(t: str, value: Any) -> Any:
        """A figure about an event type the source does not hold is null, never 0."""
        return value if t in types else None

    all_held = all(t in types for t in ILACS_EVENT_TYPES)
    graded = wh.rows("SELECT * FROM in_year_graded(?, ?, ?)", args)
    dist = distribution(Counter(str(g["judgement"]) for g in graded if g["judgement"]))
    previously = [g for g in graded if g["previous_event_id"] is not None]
    changes = Counter(str(g["change"]) for g in previously if g["change"])
    after_inadequate = [g for g in previously if g["previous_judgement"] == "inadequate"]
    focused = wh.rows("SELECT * FROM in_year_focused_visits(?, ?, ?)", args)
    theme_counts: Counter[str] = Counter()
    for v in focused:
        for t in str(v["themes"] or "").split(";"):
            if t.strip():
                theme_counts[t.strip()] += 1
    monitoring = wh.rows("SELECT * FROM in_year_monitoring(?, ?, ?)", args)
    fv = "focused_visit"
    mv = "monitoring_visit"
    return {
        "visits": len(events) if all_held else None,
        "las_visited": len({e["la_code"] for e in events}) if all_held else None,
        "las_visited_graded_inspections": len({g["la_code"] for g in graded}),
        "by_type": {t: held(t, by_type[t]) for t in ILACS_EVENT_TYPES},
        "graded": {
            "n": dist["n"],
            "counts": dist["counts"],
            "percent": dist["percent"],
            "good_or_outstanding_percent": dist["good_or_outstanding_percent"],
            "previously_inspected": len(previously),
            **{k: changes[k] for k in ("improved", "declined", "retained")},
            "retained_good_or_outstanding": sum(
                1 for g in previously if g["change"] == "retained"
                and g["judgement"] in ("outstanding", "good")),
            "reinspected_after_inadequate": len(after_inadequate),
            "reinspected_after_inadequate_improved_to_good": sum(
                1 for g in after_inadequate if g["judgement"] == "good"),
        },
        "focused_visits": {
            "n": held(fv, len(focused)),
            "to_requires_improvement_las": held(fv, sum(
                1 for v in focused if v["last_graded_judgement"] == "requires_improvement")),
            "themes": {t: held(fv, theme_counts[t]) for t in THEMES},
            "themes_percent": {t: held(fv, percent(theme_counts[t], len(focused)))
                               for t in THEMES},
        },
        "monitoring_visits": {
            "n": held(mv, len(monitoring)),
            "las": held(mv, len({m["la_code"] for m in monitoring})),
            "las_reinspected": held(mv, len({m["la_code"] for m in monitoring
                                              if m["la_reinspected"]})),
        },
    }


def previous_year_focused_visits(wh: Warehouse, spec: ReleaseSpec,
                                 types: list[str]) -> dict[str, Any] | None:
    """Focused visit themes in the year before the period (with that year's own cut-off), for
    "this year against last"."""
    if "focused_visit" not in types:
        return None
    prev = spec.earlier(1)
    visits = wh.rows("SELECT themes FROM in_year_focused_visits(?, ?, ?)",
                     [prev.period_start, prev.period_end, prev.publication_cutoff])
    counts: Counter[str] = Counter(
        t.strip() for v in visits for t in str(v["themes"] or "").split(";") if t.strip())
    return {"start": _iso(prev.period_start), "end": _iso(prev.period_end), "n": len(visits),
            "themes": {t: counts[t] for t in THEMES},
            "themes_percent": {t: percent(counts[t], len(visits)) for t in THEMES}}


def framework_notes(spec: ReleaseSpec) -> list[dict[str, str | None]]:
    return [{"framework": f.framework, "name": f.name,
             "effective_from": _iso(f.effective_from),
             "effective_to": _iso(f.effective_to) if f.effective_to else None, "notes": f.notes}
            for f in in_force_during(date(2018, 1, 1), spec.as_at) if f.is_ilacs]


def compute_figures(wh: Warehouse, spec: ReleaseSpec) -> dict[str, Any]:
    """Every headline figure of the release as at spec.as_at."""
    types = coverage(wh)
    current = as_at_block(wh, spec.as_at, spec.publication_cutoff)
    rows = current.pop("_rows")
    earlier = {}
    for years_back in (1, 2):
        e = spec.earlier(years_back)
        block = as_at_block(wh, e.as_at, e.publication_cutoff)
        earlier[_iso(e.as_at)] = {
            **block["overall_effectiveness"],
            "publication_cutoff": _iso(e.publication_cutoff),
            "local_authorities": block["local_authorities"],
        }
    structural = [
        {"date": _iso(day), "la_code": la.la_code, "name": la.name,
         "predecessors": [local_authorities.by_code()[p].name for p in la.predecessors
                          if p in local_authorities.by_code()]}
        for day, la in local_authorities.structural_changes() if day <= spec.as_at]
    notes = []
    if spec.provisional:
        notes.append(
            f"The in-period figures ({_long(spec.period_start)} to {_long(spec.period_end)}) "
            "are provisional: reports of some inspections in the period may not yet have been "
            "published. They will be revised in the next annual release.")
    without_overall = [f for f in framework_notes(spec)
                       if "overall_effectiveness" not in _judgements(str(f["framework"]))]
    if without_overall:
        notes.append("From 1 April 2026 ILACS inspections give no overall effectiveness "
                     "judgement: an LA's overall effectiveness is its most recent inspection "
                     "that gave one; its sub-judgements are from its most recent inspection.")
    in_year = in_year_block(wh, spec, types)
    in_year["focused_visits"]["previous_year"] = previous_year_focused_visits(wh, spec, types)
    return {
        "release": "local_authority_inspection_outcomes",
        "as_at": _iso(spec.as_at),
        "publication_cutoff": _iso(spec.publication_cutoff),
        "period": {"start": _iso(spec.period_start), "end": _iso(spec.period_end)},
        "provisional": spec.provisional,
        "coverage": types,
        **current,
        "care_leavers_vs_children_in_care": care_leavers_vs_children_in_care(rows),
        "inadequate_overall_with_one_inadequate_sub_judgement":
            inadequate_with_one_inadequate_sub(rows),
        "change_since_earlier_inspection": change_block(wh, spec),
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
