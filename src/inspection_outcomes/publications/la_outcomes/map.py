"""The map of England's LAs by overall effectiveness at their most recent inspection, from
real boundaries: the ONS local authority district boundaries (2023) dissolved into the LAs
that existed at the release's date (model/data/district_las.csv names each district's LA
today; an LA since replaced is the union of its successors: Cumbria before April 2023,
Northamptonshire before April 2021). Drawn by the shared core (core/map.py): a London
close-up, Ofsted's regions outlined, a legend with counts, each LA titled and linked to its
page.

The boundaries are third-party data the project does not ship: the release reads them from
$INSPECTION_OUTCOMES_BOUNDARIES, else from ../shared/data/geo beside the project. Where there
are none, no map is drawn and the release says so.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from inspection_outcomes.core.charts import JUDGEMENT_COLOURS, NEUTRAL, SIMULATED
from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.map import Choropleth, Style, choropleth, dissolve, read_boundaries
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
SHARED = "shared"  # an area two LAs of the date shared, which the boundaries cannot part
BOUNDARIES_ENV = "INSPECTION_OUTCOMES_BOUNDARIES"
BOUNDARIES_FILE = Path("data") / "geo" / "lad_2023_boundaries.geojson"
CODE_FIELD, NAME_FIELD = "LAD23CD", "LAD23NM"
BOUNDARY_SOURCE = (
    "Local authority district boundaries (May 2023), Office for National Statistics, "
    "licensed under the Open Government Licence v3.0; contains OS data © Crown copyright "
    "and database right 2023"
)


def boundaries_file() -> Path | None:
    """The district boundaries: $INSPECTION_OUTCOMES_BOUNDARIES, else ../shared beside the
    project (or beside the working folder); None where there are none."""
    given = os.environ.get(BOUNDARIES_ENV)
    if given:
        return Path(given)
    here = Path(__file__).resolve()
    for root in (*here.parents, Path.cwd().resolve()):
        candidate = root.parent / "shared" / BOUNDARIES_FILE
        if candidate.is_file():
            return candidate
    return None


@cache
def _districts_of() -> dict[str, list[str]]:
    """Each LA existing today (GSS code) -> its districts (model/data/district_las.csv)."""
    out: dict[str, list[str]] = {}
    for row in read_table("district_las.csv"):
        out.setdefault(row["la_code"], []).append(row["lad_code"])
    return out


def today_codes(code: str) -> tuple[str, ...]:
    """The LAs of today that cover an LA's area: itself, or its successors' (recursively)."""
    la = las.by_code().get(code)
    if la is None or la.valid_to is None or not la.successors:
        return (code,)
    return tuple(sorted({c for s in la.successors for c in today_codes(s)}))


def areas_on(codes: list[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(area -> today's LAs it is made of, area -> the LAs of the date it is drawn for).
    An LA of the date is the union of today's LAs it became; a today's LA two LAs of the
    date became (Bournemouth, Poole and the old Dorset county all became part of BCP) is
    one shared area, titled with all of them."""
    claims: dict[str, list[str]] = {}
    for code in codes:
        for t in today_codes(code):
            claims.setdefault(t, []).append(code)
    members: dict[str, list[str]] = {}
    drawn_for: dict[str, list[str]] = {}
    for t, claimants in sorted(claims.items()):
        key = claimants[0] if len(claimants) == 1 else f"{SHARED}:{t}"
        members.setdefault(key, []).append(t)
        drawn_for[key] = claimants
    return members, drawn_for


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

    members, drawn_for = areas_on(list(by_code))
    districts = _districts_of()
    parts = {
        code: geom
        for code, (_, geom) in read_boundaries(boundaries, CODE_FIELD, NAME_FIELD, "E").items()
    }
    geoms = dissolve(
        parts, {k: [d for t in ts for d in districts.get(t, [t])] for k, ts in members.items()}
    )
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
    return Chart(
        id=MAP_ID,
        title=title,
        alt_text=alt,
        svg=standalone_svg(drawing),
        table=table,
        note=" ".join(notes[:2]),
        inline=drawing,
    )


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


def standalone_svg(drawing: Choropleth) -> str:
    """The map as a file under charts/: its links lead from there to the release's folder."""
    from inspection_outcomes.core.pages import environment

    macro = environment().get_template("core/templates/choropleth.svg.j2").module
    body = str(macro.choropleth_svg(drawing, MAP_ID, "../", True))  # type: ignore[attr-defined]
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body.strip() + "\n"
