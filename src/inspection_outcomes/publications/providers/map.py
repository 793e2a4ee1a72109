"""The map of children's homes by local authority area, drawn by the LA release's map: the
same areas (core/la_areas.py) and the same drawing (core/map.py), shaded by how many
children's homes each area holds on the register as at the date.

Ofsted's data name the LA of each provider's address; each name is matched to an LA that
existed at the date (model/data/local_authorities.csv, names and aliases). Providers the data
place in Wales are not on the map (it shows England).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

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
from inspection_outcomes.publications.providers import common as pc

MAP_ID = "map_childrens_homes"
GROUP = "all_childrens_homes"
#: Classes of the number of children's homes in an area (lower bounds, the last open), and
#: the Analysis Function sequential palette (afcharts, 5 colours: the lighter four), darkest
#: for the most; none in its grey.
CLASSES = ((50, "50 or more"), (25, "25 to 49"), (10, "10 to 24"), (1, "1 to 9"), (0, "None"))
FILLS = ("#12436D", "#2073BC", "#6BACE6", "#ADD1F1", "#F2F2F2")


def _class(n: int) -> int:
    return next(i for i, (low, _) in enumerate(CLASSES) if n >= low)


def _counts_by_code(f: dict[str, Any], on: date) -> dict[str, tuple[int, int | None]]:
    """GSS code -> (children's homes, their places) of each LA of the date the data name."""
    block = f["by_local_authority"]
    out: dict[str, tuple[int, int | None]] = {}
    for name, groups in block["providers"].items():
        la = las.resolve(name, on)
        if la is None:
            continue
        n, places = out.get(la.la_code, (0, None))
        more = block["places"][name].get(GROUP)
        total = places if more is None else (places or 0) + more
        out[la.la_code] = (n + (groups.get(GROUP) or 0), total)
    return out


def build_providers_map(f: dict[str, Any], boundaries: Path | None = None) -> Chart | None:
    """The map chart, or None where no boundaries are at hand or the source holds no
    register by area."""
    boundaries = boundaries or boundaries_file()
    pp = f["by_local_authority"]["providers"]
    if boundaries is None or not pp or f["providers_and_places"]["providers"][GROUP] is None:
        return None
    on = date.fromisoformat(f["by_local_authority"]["as_at"])
    counts = _counts_by_code(f, on)
    existing = sorted(las.existing_on(on), key=lambda la: la.la_code)
    rows = {la.la_code: (la.name, la.region, *counts.get(la.la_code, (0, 0))) for la in existing}
    geoms, drawn_for = la_geometries(list(rows), boundaries)
    styles: dict[str, Style] = {}
    regions: dict[str, list[str]] = {}
    classes: dict[str, int] = {}
    for key, claimants in drawn_for.items():
        n = sum(rows[c][2] for c in claimants)
        names = " and ".join(rows[c][0] for c in claimants)
        k = classes[key] = _class(n)
        label = "home" if n == 1 else "homes"
        shared = " (drawn as one area)" if key.startswith(SHARED) else ""
        styles[key] = Style(FILLS[k], f"{names}{shared}: {n:,} children's {label}", None, k == 4)
        regions.setdefault(rows[claimants[0]][1], []).append(key)
    at = pc.long_date(f["by_local_authority"]["as_at"])
    title = f"Children's homes by local authority area, as at {at}: map"
    per_class = [sum(1 for c in classes.values() if c == i) for i in range(len(CLASSES))]
    legend = [
        (FILLS[i], f"{label} homes" if i < 4 else "No homes", per_class[i], i == 4)
        for i, (_, label) in enumerate(CLASSES)
    ]
    most = sorted(rows.values(), key=lambda r: (-r[2], r[0]))[:3]
    alt = (
        f"Map of England's {len(rows)} local authority areas, with a close-up of London, "
        f"shaded by the number of children's homes on the register as at {at}: "
        + ", ".join(
            f"{per_class[i]} areas with {lab.lower()}" for i, (_, lab) in enumerate(CLASSES)
        )
        + ". Most homes: "
        + ", ".join(f"{r[0]} ({r[2]:,})" for r in most)
        + "."
    )
    drawing = choropleth(
        geoms,
        styles,
        regions,
        sorted(regions.get("London", [])),
        "London",
        legend,
        title,
        alt,
    )
    order = {r["region"]: int(r["order"]) for r in read_table("regions.csv")}
    in_order = sorted(rows.items(), key=lambda kv: (order.get(kv[1][1], 99), kv[1][0]))
    table = DataTable(
        id=f"{MAP_ID}_data",
        caption=f"Data for {title}",
        columns=["LA code", "Local authority area", "Region", "Children's homes", "Places"],
        rows=[[code, name, region, n, places] for code, (name, region, n, places) in in_order],
        notes=[
            "All children's homes (children's homes, secure children's homes and residential "
            "special schools registered as children's homes) on the register, by the local "
            "authority area of their address. Providers in Wales are not shown."
        ],
    )
    return map_chart(MAP_ID, drawing, table, table.notes[0])
