"""England's local authorities as areas to draw at a date, for any publication's map: the
ONS local authority district boundaries (2023) dissolved into the LAs that existed at the
date (model/data/district_las.csv names each district's LA today; an LA since replaced is
the union of its successors: Cumbria before April 2023, Northamptonshire before April 2021).

The boundaries are third-party data the project does not ship: a release reads them from
$INSPECTION_OUTCOMES_BOUNDARIES, else from ../shared/data/geo beside the project. Where there
are none, no map is drawn and the release says so.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from inspection_outcomes.core.map import Choropleth, dissolve, read_boundaries
from inspection_outcomes.core.types import Chart, DataTable
from inspection_outcomes.model import local_authorities as las
from inspection_outcomes.model.reference import read_table

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


def la_geometries(
    codes: list[str], boundaries: Path
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """(area -> its geometry, area -> the LAs of the date it is drawn for) for the LAs of a
    date (GSS codes), from the district boundaries."""
    members, drawn_for = areas_on(codes)
    districts = _districts_of()
    parts = {
        code: geom
        for code, (_, geom) in read_boundaries(boundaries, CODE_FIELD, NAME_FIELD, "E").items()
    }
    geoms = dissolve(
        parts, {k: [d for t in ts for d in districts.get(t, [t])] for k, ts in members.items()}
    )
    return geoms, drawn_for


def standalone_svg(drawing: Choropleth, chart_id: str) -> str:
    """A map as a file under charts/: its links lead from there to the release's folder."""
    from inspection_outcomes.core.pages import environment

    macro = environment().get_template("core/templates/choropleth.svg.j2").module
    body = str(macro.choropleth_svg(drawing, chart_id, "../", True))  # type: ignore[attr-defined]
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body.strip() + "\n"


def map_chart(chart_id: str, drawing: Choropleth, table: DataTable, note: str) -> Chart:
    """A map as a release's chart: drawn inline in its page (its shapes' titles and links
    work there) and as a file under charts/, with its data table; titled as its drawing."""
    return Chart(
        id=chart_id,
        title=drawing.title,
        alt_text=drawing.desc,
        svg=standalone_svg(drawing, chart_id),
        table=table,
        note=note,
        inline=drawing,
    )
