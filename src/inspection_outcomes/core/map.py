"""A choropleth map of areas, for any publication: boundaries read from GeoJSON (untrusted
input, checked), dissolved into the areas a publication counts (shapely), simplified as one
coverage (neighbours keep their shared edges), projected and drawn as SVG with an inset
close-up, outlines of groups of areas (regions), a legend with counts, and each shape titled
and linked.

The drawing is data for the template core/templates/choropleth.svg.j2, which writes every
text escaped: the same map stands alone as a file under charts/ and inline in a page (where
its links work). Coordinates are rounded to one decimal, so the same inputs give the same
bytes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from inspection_outcomes.errors import InputError

#: The drawing's width in its own units: narrow, so that its text stays legible on a phone.
WIDTH = 360.0
MARGIN = 6.0
TEXT = 13.0  # font size of the legend and labels, in the drawing's units
LEGEND_ROW = 19.0
#: Simplification tolerance, in the drawing's units (its pixels at natural size).
TOLERANCE = 0.35


@dataclass(frozen=True)
class Area:
    """A shape to draw: its key, path, fill and the text of its tooltip; a link, or None."""

    key: str
    d: str
    fill: str
    title: str
    href: str | None
    dashed: bool = False  # a light fill, outlined so that it shows on white


@dataclass(frozen=True)
class Inset:
    """A close-up of some areas in a box of its own."""

    x: float
    y: float
    width: float
    height: float
    label: str
    areas: tuple[Area, ...]
    outline: str  # the box's path


@dataclass(frozen=True)
class LegendItem:
    fill: str
    label: str
    count: int
    y: float
    dashed: bool = False


@dataclass(frozen=True)
class Choropleth:
    width: float
    height: float
    title: str
    desc: str
    areas: tuple[Area, ...]
    outlines: tuple[str, ...]  # paths of the groups' outlines (regions)
    inset: Inset | None
    legend: tuple[LegendItem, ...]
    legend_x: float
    hatch: str  # colour of the hatch pattern's ground ("" when no area uses it)


# --------------------------------------------------------------------------- boundaries


@cache
def read_boundaries(
    path: Path, code_field: str, name_field: str, code_prefix: str = ""
) -> dict[str, tuple[str, Any]]:
    """code -> (name, shapely geometry) of the features of a GeoJSON FeatureCollection whose
    code starts with `code_prefix` (every feature is checked); a clear error naming the
    file, the feature and the field otherwise."""
    from shapely.geometry import shape

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"GeoJSON expected ({e.__class__.__name__}: {e})", file=path) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InputError("a GeoJSON FeatureCollection expected", file=path, field="type")
    out: dict[str, tuple[str, Any]] = {}
    for i, feature in enumerate(data.get("features") or [], start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        code = props.get(code_field) if isinstance(props, dict) else None
        if not isinstance(code, str) or not code.strip():
            raise InputError("an area code expected", file=path, row=i, field=code_field)
        if not code.startswith(code_prefix):
            continue
        name = props.get(name_field) if isinstance(props, dict) else None
        try:
            geom = shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise InputError(
                f"a polygon geometry expected ({e})", file=path, row=i, field="geometry"
            ) from None
        if geom.geom_type not in ("Polygon", "MultiPolygon") or geom.is_empty:
            raise InputError(
                f"a polygon geometry expected, found {geom.geom_type}",
                file=path,
                row=i,
                field="geometry",
            )
        out[code.strip()] = (str(name or code), _polygonal(geom))
    if not out:
        raise InputError(
            f"no features with a code starting {code_prefix!r}", file=path, field="features"
        )
    return out


def _polygonal(geom: Any) -> Any:
    """The geometry made valid, keeping only its polygons (a ring that crosses itself in
    the source becomes polygons, not a line)."""
    from shapely import get_parts, make_valid, union_all

    if geom.is_valid:
        return geom
    valid = make_valid(geom)
    polygons = [p for p in get_parts(valid) if p.geom_type in ("Polygon", "MultiPolygon")]
    return union_all(polygons) if polygons else valid


def dissolve(parts: Mapping[str, Any], members: Mapping[str, Iterable[str]]) -> dict[str, Any]:
    """Each area's geometry: the union of its parts (codes missing from `parts` are an
    error: the boundaries do not cover the area)."""
    from shapely import make_valid, union_all

    out = {}
    for key, codes in members.items():
        codes = list(codes)
        missing = [c for c in codes if c not in parts]
        if missing or not codes:
            raise InputError(f"no boundary for {key} (parts {missing or 'none'})", field=key)
        out[key] = make_valid(union_all([parts[c] for c in codes]))
    return out


# --------------------------------------------------------------------------- drawing


@dataclass(frozen=True)
class Projection:
    """Longitude and latitude to the drawing's units: x scaled by the cosine of the middle
    latitude (so that shapes keep their proportions), y down, fitted to a box."""

    lon0: float
    lat0: float
    k: float  # cosine of the middle latitude
    scale: float
    x0: float
    y0: float

    @classmethod
    def fit(
        cls, bounds: tuple[float, float, float, float], x: float, y: float, width: float
    ) -> Projection:
        minx, miny, maxx, maxy = bounds
        k = math.cos(math.radians((miny + maxy) / 2))
        return cls(minx, maxy, k, width / ((maxx - minx) * k), x, y)

    def __call__(self, geom: Any) -> Any:
        from shapely import transform

        def to_drawing(c: Any) -> Any:
            out = c.copy()
            out[:, 0] = (c[:, 0] - self.lon0) * self.k * self.scale + self.x0
            out[:, 1] = (self.lat0 - c[:, 1]) * self.scale + self.y0
            return out

        return transform(geom, to_drawing)


def simplify(geoms: Mapping[str, Any], tolerance: float = TOLERANCE) -> dict[str, Any]:
    """The areas simplified together, as one coverage: shared edges stay shared."""
    from shapely import coverage_simplify

    keys = sorted(geoms)
    simple = coverage_simplify([geoms[k] for k in keys], tolerance)
    return dict(zip(keys, simple, strict=True))


def path(geom: Any) -> str:
    """An SVG path of a polygon or multipolygon, one decimal, holes by even-odd."""
    polygons = getattr(geom, "geoms", [geom])
    parts = []
    for poly in polygons:
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        for ring in (poly.exterior, *poly.interiors):
            pts = [f"{x:.1f} {y:.1f}" for x, y in ring.coords[:-1]]
            deduped = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
            if len(deduped) >= 3:
                parts.append("M" + "L".join(deduped) + "Z")
    return "".join(parts)


def box(x: float, y: float, w: float, h: float) -> str:
    return f"M{x:.1f} {y:.1f}H{x + w:.1f}V{y + h:.1f}H{x:.1f}Z"


@dataclass(frozen=True)
class Style:
    """How one area is drawn: its fill, tooltip, link, and whether it is outlined."""

    fill: str
    title: str
    href: str | None
    dashed: bool = False


def choropleth(
    geoms: Mapping[str, Any],
    styles: Mapping[str, Style],
    groups: Mapping[str, Sequence[str]],
    inset_keys: Sequence[str],
    inset_label: str,
    legend: Sequence[tuple[str, str, int, bool]],
    title: str,
    desc: str,
    hatch: str = "",
) -> Choropleth:
    """The drawing: the areas (lon/lat geometries) projected to the drawing's width and
    simplified as one coverage; the groups' outlines; an inset close-up of `inset_keys` in
    the top right corner; the legend (fill, label, count, dashed) below."""
    from shapely import union_all

    keys = sorted(geoms)
    bounds = union_all([geoms[k] for k in keys]).bounds
    main_w = WIDTH - 2 * MARGIN
    project = Projection.fit(bounds, MARGIN, MARGIN, main_w)
    drawn = simplify({k: project(geoms[k]) for k in keys})
    main_h = max(g.bounds[3] for g in drawn.values()) - MARGIN
    areas = tuple(_area(k, drawn[k], styles[k]) for k in keys)
    outlines = tuple(
        path(union_all([drawn[k] for k in members if k in drawn]))
        for _, members in sorted(groups.items())
    )
    inset = None
    if inset_keys:
        inset = _inset(geoms, styles, inset_keys, inset_label)
    top = MARGIN + main_h + 14
    items = []
    for i, (fill, label, count, dashed) in enumerate(legend):
        items.append(LegendItem(fill, f"{label} ({count})", count, top + i * LEGEND_ROW, dashed))
    height = top + len(items) * LEGEND_ROW + MARGIN
    return Choropleth(
        WIDTH,
        round(height, 1),
        title,
        desc,
        areas,
        outlines,
        inset,
        tuple(items),
        MARGIN,
        hatch,
    )


def _area(key: str, geom: Any, style: Style) -> Area:
    return Area(key, path(geom), style.fill, style.title, style.href, style.dashed)


def _inset(
    geoms: Mapping[str, Any], styles: Mapping[str, Style], keys: Sequence[str], label: str
) -> Inset:
    from shapely import union_all

    w, h = 128.0, 100.0
    x, y = WIDTH - MARGIN - w, MARGIN
    inner = union_all([geoms[k] for k in keys]).bounds
    project = Projection.fit(inner, x + 4, y + 18, w - 8)
    drawn = simplify({k: project(geoms[k]) for k in keys}, TOLERANCE / 2)
    return Inset(
        x,
        y,
        w,
        h,
        label,
        tuple(_area(k, drawn[k], styles[k]) for k in sorted(keys)),
        box(x, y, w, h),
    )
