"""The map of England's LAs by overall effectiveness at their most recent inspection, from
real boundaries: the ONS local authority district boundaries (2023) dissolved into the LAs
that existed at the release's date (model/data/district_las.csv names each district's LA
today; an LA since replaced is the union of its successors: Cumbria before April 2023,
Northamptonshire before April 2021). Drawn by the shared core (core/map.py): a London
close-up, Ofsted's regions outlined, a legend with counts, each LA titled and linked to its
page.

The areas and their boundaries are core/la_areas.py's, shared with the providers release's
map. Where there are no boundaries, no map is drawn and the release says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from inspection_outcomes.core.charts import JUDGEMENT_COLOURS, NEUTRAL, SIMULATED
from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.la_areas import (
    SHARED,
    boundaries_file,
    la_geometries,
    map_chart,
)
from inspection_outcomes.core.map import Style, choropleth
from inspection_outcomes.core.types import Chart, DataTable
from inspection_outcomes.model import local_authorities as las
from inspection_outcomes.model.reference import read_table
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS
from inspection_outcomes.publications.la_outcomes.charts import long_date

MAP_ID = "map_overall_effectiveness"
NOT_INSPECTED = "not_yet_inspected"
NOT_IN_SOURCE = "judgement_not_in_source"
NO_OVERALL = "no_overall_judgement"
CATEGORY_LABELS = {
    **LABELS,
    NOT_INSPECTED: "Not yet inspected",
    NOT_IN_SOURCE: "Judgement not in the source data",
    NO_OVERALL: "No overall effectiveness judgement",
}
NOT_GRADED_FILL = "#F2F2F2"  # Analysis Function sequential palette's lightest shade


def _category(row: dict[str, Any], not_in_source: set[str]) -> str:
    """The judgement, or why there is none: never inspected, lost from the source, or an
    inspection under a framework without an overall judgement."""
    j = row.get("overall_effectiveness")
    if j in JUDGEMENTS:
        return str(j)
    if not (row.get("event_type") or row.get("start_date") or row.get("publication_date")):
        return NOT_INSPECTED
    return NOT_IN_SOURCE if row.get("la_name") in not_in_source else NO_OVERALL


def _rows(content: ReleaseContent) -> list[dict[str, Any]]:
    """One row per LA at the as-at date: the engine's table, else the reference LA list."""
    rows = content.tables.get("as_at") or []
    if rows:
        return list(rows)
    day = date.fromisoformat(content.figures["as_at"])
    return [
        {
            "la_code": la.la_code,
            "la_name": la.name,
            "region": la.region,
            "overall_effectiveness": None,
        }
        for la in las.existing_on(day)
    ]


def _fill(category: str) -> str:
    if category == NOT_INSPECTED:
        return "hatch"
    return JUDGEMENT_COLOURS.get(category, NOT_GRADED_FILL)


def build_map(
    content: ReleaseContent,
    link_for: Callable[[str], str | None] | None = None,
    boundaries: Path | None = None,
) -> Chart | None:
    """The map chart (the drawing inline, the SVG file, alt text with the counts and a table
    of every LA), or None where no boundaries are at hand. `link_for` gives an LA's page
    from the release's folder (None: no page, no link)."""
    boundaries = boundaries or boundaries_file()
    if boundaries is None:
        return None
    link_for = link_for or (lambda _code: None)
    rows = sorted(_rows(content), key=lambda r: r["la_code"])
    by_code = {r["la_code"]: r for r in rows}
    as_at = long_date(content.figures["as_at"])
    simulated = content.meta.simulated
    not_in_source = set(
        (content.figures.get("local_authorities") or {}).get("judgement_not_in_source") or []
    )
    cats = {r["la_code"]: _category(r, not_in_source) for r in rows}
    counts = {c: sum(1 for v in cats.values() if v == c) for c in CATEGORY_LABELS}
    legend_cats = [c for c in CATEGORY_LABELS if c in JUDGEMENTS or counts[c]]

    geoms, drawn_for = la_geometries(list(by_code), boundaries)
    styles = _styles(drawn_for, by_code, cats, link_for)
    regions: dict[str, list[str]] = {}
    for key, claimants in drawn_for.items():
        regions.setdefault(by_code[claimants[0]]["region"], []).append(key)
    london = sorted(k for k in regions.get("London", []))

    title = f"LA overall effectiveness at their most recent inspection, as at {as_at}: map"
    if simulated:
        title += f" ({SIMULATED.lower()})"
    alt = _alt(rows, cats, counts, legend_cats, as_at, simulated)
    drawing = choropleth(
        geoms,
        styles,
        regions,
        london,
        "London",
        [
            (_fill(c), CATEGORY_LABELS[c], counts[c], _fill(c) == NOT_GRADED_FILL)
            for c in legend_cats
        ],
        title,
        alt,
        hatch=NEUTRAL if counts[NOT_INSPECTED] else "",
    )
    region_order = {r["region"]: int(r["order"]) for r in read_table("regions.csv")}
    in_order = sorted(rows, key=lambda r: (region_order.get(r["region"], 99), r["la_name"]))
    table_rows = [
        [r["la_code"], r["la_name"], r["region"], CATEGORY_LABELS[cats[r["la_code"]]]]
        for r in in_order
    ]
    shared = [
        " and ".join(by_code[c]["la_name"] for c in v)
        for k, v in drawn_for.items()
        if k.startswith(SHARED)
    ]
    notes = [
        "Local authority boundaries as they were at the date, from the 2023 district "
        "boundaries; London is shown again, larger, in the box. Regions are outlined."
    ]
    if shared:
        notes.append(
            "Drawn as one grey area, as the boundaries of today cannot part them: "
            + "; ".join(shared)
            + "."
        )
    if simulated:
        notes.append(f"{SIMULATED}: these are not real inspection outcomes.")
    table = DataTable(
        id=f"{MAP_ID}_data",
        caption=f"Data for {title}",
        columns=["LA code", "Local authority", "Region", "Overall effectiveness"],
        rows=table_rows,
        notes=notes,
        links=[link_for(r["la_code"]) for r in in_order],
        link_column=1,
    )
    return map_chart(MAP_ID, drawing, table, " ".join(notes[:2]))


def _styles(
    drawn_for: dict[str, list[str]],
    by_code: dict[str, dict[str, Any]],
    cats: dict[str, str],
    link_for: Callable[[str], str | None],
) -> dict[str, Style]:
    """Each area's fill, tooltip and link: an LA's judgement; a shared area grey."""
    styles = {}
    for key, claimants in drawn_for.items():
        if key.startswith(SHARED):
            names = " and ".join(by_code[c]["la_name"] for c in claimants)
            styles[key] = Style(NEUTRAL, f"{names}: their boundaries are not drawn apart", None)
            continue
        cat = cats[key]
        styles[key] = Style(
            _fill(cat),
            f"{by_code[key]['la_name']}: {CATEGORY_LABELS[cat].lower()}",
            link_for(key),
            _fill(cat) == NOT_GRADED_FILL,
        )
    return styles


def _alt(
    rows: list[dict[str, Any]],
    cats: dict[str, str],
    counts: dict[str, int],
    legend_cats: list[str],
    as_at: str,
    simulated: bool,
) -> str:
    count_text = ", ".join(f"{counts[c]} {CATEGORY_LABELS[c].lower()}" for c in legend_cats)
    alt = (
        f"Map of England's {len(rows)} local authorities, with a close-up of London, "
        f"coloured by overall effectiveness at the most recent inspection as at {as_at}: "
        f"{count_text}."
    )
    for cat in (NOT_INSPECTED, NOT_IN_SOURCE, NO_OVERALL):
        listed = sorted(r["la_name"] for r in rows if cats[r["la_code"]] == cat)
        if listed:
            alt += f" {CATEGORY_LABELS[cat]}: " + ", ".join(listed) + "."
    return f"{SIMULATED}. {alt}" if simulated else alt
