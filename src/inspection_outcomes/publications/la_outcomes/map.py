"""A hex map of England's LAs by overall effectiveness, as hand-written deterministic SVG.

Every LA is one equal hexagon near its location (positions: model/data/la_hex_positions.csv),
so London's 33 boroughs are as visible as the counties. Each hex has a <title> (name and
judgement) for screen readers and tooltips, and a short label; a legend gives the counts.
"""

from __future__ import annotations

import math
from datetime import date
from html import escape
from typing import Any

from inspection_outcomes.core.charts import (
    JUDGEMENT_COLOURS,
    NEUTRAL,
    SIMULATED,
    TEXT_ON,
)
from inspection_outcomes.core.content import ReleaseContent
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
SIZE = 22.0  # hex circumradius in px (pointy top): 38 px wide, room for a 5-letter label
WIDTH = math.sqrt(3) * SIZE
ROW = 1.5 * SIZE
MARGIN = 16.0
LEGEND_WIDTH = 250.0
REGION_LINE = "#0B0C0C"
# Pointy-top axial neighbours, in the order of the hex's edges (from the east, clockwise).
_NEIGHBOURS = [(1, 0), (0, 1), (-1, 1), (-1, 0), (0, -1), (1, -1)]


def positions() -> dict[str, tuple[int, int, str]]:
    """LA code -> (q, r, label) from the shipped reference table."""
    return {
        row["la_code"]: (int(row["q"]), int(row["r"]), row["label"])
        for row in read_table("la_hex_positions.csv")
    }


def _centre(q: int, r: int) -> tuple[float, float]:
    return WIDTH * (q + r / 2), ROW * r


def _corners(x: float, y: float) -> list[tuple[float, float]]:
    """Corners from the lower right, clockwise in screen space (y down)."""
    return [
        (
            x + SIZE * math.cos(math.radians(30 + 60 * i)),
            y + SIZE * math.sin(math.radians(30 + 60 * i)),
        )
        for i in range(6)
    ]


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _ring(q: int, r: int, radius: int) -> list[tuple[int, int]]:
    if radius == 0:
        return [(q, r)]
    cells = []
    cq, cr = q + _NEIGHBOURS[4][0] * radius, r + _NEIGHBOURS[4][1] * radius
    for dq, dr in _NEIGHBOURS:
        for _ in range(radius):
            cells.append((cq, cr))
            cq, cr = cq + dq, cr + dr
    return cells


def place(codes: list[str]) -> dict[str, tuple[int, int, str]]:
    """Cells for these LAs: their own, or for a former LA a free cell at its successors'."""
    pos = positions()
    placed = {c: pos[c] for c in codes if c in pos}
    taken = {(q, r) for q, r, _ in placed.values()}
    for code in sorted(c for c in codes if c not in pos):
        la = las.by_code().get(code)
        anchors = sorted(pos[s][:2] for s in (la.successors if la else ()) if s in pos)
        if not anchors:
            continue  # unknown to the map: listed in the data table only
        cell = next(
            c
            for radius in range(0, 20)
            for a in anchors
            for c in _ring(*a, radius)
            if c not in taken
        )
        label = (la.name if la else code)[:4]
        placed[code] = (cell[0], cell[1], label)
        taken.add(cell)
    return placed


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


def _hatch() -> str:
    return (
        '<pattern id="hex-hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
        'patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{NEUTRAL}"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#FFFFFF" stroke-width="2"/></pattern>'
    )


def _fill(category: str) -> str:
    if category == NOT_INSPECTED:
        return "url(#hex-hatch)"
    return JUDGEMENT_COLOURS.get(category, NOT_GRADED_FILL)


def _outline(category: str) -> str:
    """A grey outline where the fill is too light to see against the white page."""
    if _fill(category) == NOT_GRADED_FILL:
        return ' stroke="#505A5F" stroke-dasharray="3 2"'
    return ""


def _text_colour(category: str) -> str:
    return TEXT_ON.get(JUDGEMENT_COLOURS.get(category, NEUTRAL), "#000000")


def build_map(content: ReleaseContent) -> Chart:
    """The map chart: SVG, alt text with the counts, and a table of every LA."""
    rows = sorted(_rows(content), key=lambda r: r["la_code"])
    as_at = long_date(content.figures["as_at"])
    simulated = content.meta.simulated
    cells = place([r["la_code"] for r in rows])
    not_in_source = set(
        (content.figures.get("local_authorities") or {}).get("judgement_not_in_source") or []
    )
    cats = {r["la_code"]: _category(r, not_in_source) for r in rows}
    counts = {c: sum(1 for v in cats.values() if v == c) for c in CATEGORY_LABELS}
    legend = [c for c in CATEGORY_LABELS if c in JUDGEMENTS or counts[c]]

    title = f"LA overall effectiveness at their most recent inspection, as at {as_at}: map"
    if simulated:
        title += f" ({SIMULATED.lower()})"
    count_text = ", ".join(f"{counts[c]} {CATEGORY_LABELS[c].lower()}" for c in legend)
    unplaced = [r["la_name"] for r in rows if r["la_code"] not in cells]
    alt = (
        f"Hex map of England's {len(rows)} local authorities, each drawn as an equal hexagon "
        "near its location (London's boroughs enlarged into a cluster in the south east), "
        f"coloured by overall effectiveness at the most recent inspection as at {as_at}: "
        f"{count_text}."
    )
    for cat in (NOT_INSPECTED, NOT_IN_SOURCE, NO_OVERALL):
        names = sorted(r["la_name"] for r in rows if cats[r["la_code"]] == cat)
        if names:
            alt += f" {CATEGORY_LABELS[cat]}: " + ", ".join(names) + "."
    if simulated:
        alt = f"{SIMULATED}. {alt}"
    svg = _svg(rows, cells, cats, counts, legend, title, alt, simulated)

    region_order = {r["region"]: int(r["order"]) for r in read_table("regions.csv")}
    table_rows = [
        [r["la_code"], r["la_name"], r["region"], CATEGORY_LABELS[cats[r["la_code"]]]]
        for r in sorted(rows, key=lambda r: (region_order.get(r["region"], 99), r["la_name"]))
    ]
    notes = [
        "Each local authority is one hexagon of the same size, placed near its location; "
        "London is enlarged so that every borough can be seen."
    ]
    if unplaced:
        notes.append("Not on the map (no position): " + ", ".join(unplaced) + ".")
    if simulated:
        notes.append(f"{SIMULATED}: these are not real inspection outcomes.")
    table = DataTable(
        id=f"{MAP_ID}_data",
        caption=f"Data for {title}",
        columns=["LA code", "Local authority", "Region", "Overall effectiveness"],
        rows=table_rows,
        notes=notes,
    )
    return Chart(id=MAP_ID, title=title, alt_text=alt, svg=svg, table=table, note=notes[0])


def _svg(
    rows: list[dict[str, Any]],
    cells: dict[str, tuple[int, int, str]],
    cats: dict[str, str],
    counts: dict[str, int],
    legend: list[str],
    title: str,
    alt: str,
    simulated: bool,
) -> str:
    centres = {code: _centre(q, r) for code, (q, r, _) in cells.items()}
    xs = [x for x, _ in centres.values()] or [0.0]
    ys = [y for _, y in centres.values()] or [0.0]
    top = MARGIN + (24.0 if simulated else 0.0)
    dx = MARGIN + WIDTH / 2 - min(xs)
    dy = top + SIZE - min(ys)
    map_w = max(xs) - min(xs) + WIDTH
    map_h = max(ys) - min(ys) + 2 * SIZE
    width = MARGIN * 2 + map_w + LEGEND_WIDTH
    height = max(top + map_h + MARGIN, top + 40 + 26 * (len(legend) + 3))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_fmt(width)} {_fmt(height)}" '
        f'width="{_fmt(width)}" height="{_fmt(height)}" role="img" '
        f'aria-labelledby="{MAP_ID}-title {MAP_ID}-desc" '
        'font-family="Arial, Helvetica, sans-serif">',
        f'<title id="{MAP_ID}-title">{escape(title)}</title>',
        f'<desc id="{MAP_ID}-desc">{escape(alt)}</desc>',
        f"<defs>{_hatch()}</defs>",
        f'<rect width="{_fmt(width)}" height="{_fmt(height)}" fill="#FFFFFF"/>',
    ]
    if simulated:
        out.append(
            f'<text x="{_fmt(MARGIN)}" y="{_fmt(MARGIN + 12)}" font-size="16" '
            f'font-weight="bold" fill="#0B0C0C">{SIMULATED}</text>'
        )
    by_code = {r["la_code"]: r for r in rows}
    out.append('<g id="hexes" stroke="#FFFFFF" stroke-width="1.5">')
    for code in sorted(cells, key=lambda c: (cells[c][1], cells[c][0])):
        label = cells[code][2]
        x, y = centres[code]
        x, y = x + dx, y + dy
        row = by_code[code]
        cat = cats[code]
        points = " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in _corners(x, y))
        font = 10 if len(label) <= 4 else 9
        out.append(
            f'<g class="hex" data-la-code="{code}" data-judgement="{cat}">'
            f"<title>{escape(row['la_name'])}: {escape(CATEGORY_LABELS[cat])}</title>"
            f'<polygon points="{points}" fill="{_fill(cat)}"{_outline(cat)}/>'
            f'<text x="{_fmt(x)}" y="{_fmt(y + 3.5)}" text-anchor="middle" font-size="{font}" '
            f'stroke="none" fill="{_text_colour(cat)}">{escape(label)}</text></g>'
        )
    out.append("</g>")
    out.append(_region_lines(cells, by_code, dx, dy))
    out.append(_legend(MARGIN * 2 + map_w, top, legend, counts))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _region_lines(
    cells: dict[str, tuple[int, int, str]],
    by_code: dict[str, dict[str, Any]],
    dx: float,
    dy: float,
) -> str:
    """Edges between hexes of different Ofsted regions, drawn as dark lines."""
    at = {(q, r): code for code, (q, r, _) in cells.items()}
    segments = []
    for (q, r), code in sorted(at.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        region = by_code[code]["region"]
        x, y = _centre(q, r)
        corners = _corners(x + dx, y + dy)
        for k, (nq, nr) in enumerate(_NEIGHBOURS):
            other = at.get((q + nq, r + nr))
            if other is None or other < code or by_code[other]["region"] == region:
                continue
            # Corner i sits at 30 + 60 i degrees: the edge facing neighbour k joins k-1 and k.
            (x1, y1), (x2, y2) = corners[(k + 5) % 6], corners[k]
            segments.append(f"M{_fmt(x1)} {_fmt(y1)}L{_fmt(x2)} {_fmt(y2)}")
    return (
        f'<path id="region-boundaries" d="{"".join(segments)}" fill="none" '
        f'stroke="{REGION_LINE}" stroke-width="2" stroke-linecap="round"/>'
    )


def _legend(x0: float, top: float, legend: list[str], counts: dict[str, int]) -> str:
    out = [
        f'<g id="legend" transform="translate({_fmt(x0)} {_fmt(top)})">',
        '<text x="0" y="14" font-size="14" font-weight="bold" fill="#0B0C0C">'
        "Overall effectiveness</text>",
    ]
    y = 30.0
    for cat in legend:
        out.append(
            f'<rect x="0" y="{_fmt(y)}" width="18" height="18" fill="{_fill(cat)}"{_outline(cat)}/>'
            f'<text x="26" y="{_fmt(y + 14)}" font-size="13" fill="#0B0C0C">'
            f"{escape(CATEGORY_LABELS[cat])} ({counts[cat]})</text>"
        )
        y += 26
    out.append(
        f'<path d="M0 {_fmt(y + 9)}H18" stroke="{REGION_LINE}" stroke-width="2"/>'
        f'<text x="26" y="{_fmt(y + 14)}" font-size="13" fill="#0B0C0C">Region boundary</text>'
    )
    out.append(
        f'<text x="0" y="{_fmt(y + 40)}" font-size="12" fill="#3D3D3D">'
        "Each hexagon is one local authority.</text>"
    )
    out.append("</g>")
    return "".join(out)
