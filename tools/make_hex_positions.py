"""Generate model/data/la_hex_positions.csv: one hex cell per LA for the outcomes map.

Run once by a developer, with ../shared beside the project:

    .venv/bin/python tools/make_hex_positions.py

Method (deterministic, no random numbers):
1. Take the centroid (British National Grid easting/northing) of every lower-tier district in
   ONS's 2023 boundaries. Upper-tier LAs that are single districts (unitary, metropolitan and
   London boroughs, and the 2023 unitaries Cumberland, Westmorland and Furness, North
   Yorkshire and Somerset, which are already single districts in the 2023 boundaries) take
   their own centroid; each county council takes the area-weighted mean of its districts'
   centroids (the district to county table below follows ONS's code allocation).
2. Spread London: distances from central London are stretched near the centre and shifted
   beyond it, so its 33 boroughs get room for a legible cluster of equal hexes.
3. Scale to a pointy-top hex grid (axial coordinates q, r; r grows southward) and give each
   LA a unique cell: greedy by distance, London first, then improve by swapping and moving
   to free cells while the total squared displacement falls.
Labels are short names for the hexes (three or four characters), unique.
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GEOJSON = SHARED / "data" / "geo" / "lad_2023_boundaries.geojson"
LA_TABLE = ROOT / "src" / "inspection_outcomes" / "model" / "data" / "local_authorities.csv"
OUT = ROOT / "src" / "inspection_outcomes" / "model" / "data" / "la_hex_positions.csv"
AS_AT = date(2024, 3, 31)

#: County council (children's services LA) -> its districts' ONS codes (E07 suffixes), 2023.
COUNTY_DISTRICTS: dict[str, list[int]] = {
    "E10000003": [8, 9, 10, 11, 12],  # Cambridgeshire
    "E10000007": list(range(32, 40)),  # Derbyshire
    "E10000008": list(range(40, 48)),  # Devon
    "E10000011": list(range(61, 66)),  # East Sussex
    "E10000012": list(range(66, 78)),  # Essex
    "E10000013": list(range(78, 84)),  # Gloucestershire
    "E10000014": list(range(84, 95)),  # Hampshire
    "E10000015": [95, 96, 98, 99, 102, 103, 240, 241, 242, 243],  # Hertfordshire
    "E10000016": list(range(105, 117)),  # Kent
    "E10000017": list(range(117, 129)),  # Lancashire
    "E10000018": list(range(129, 136)),  # Leicestershire
    "E10000019": list(range(136, 143)),  # Lincolnshire
    "E10000020": list(range(143, 150)),  # Norfolk
    "E10000024": list(range(170, 177)),  # Nottinghamshire
    "E10000025": list(range(177, 182)),  # Oxfordshire
    "E10000028": list(range(192, 200)),  # Staffordshire
    "E10000029": [200, 202, 203, 244, 245],  # Suffolk
    "E10000030": list(range(207, 218)),  # Surrey
    "E10000031": list(range(218, 223)),  # Warwickshire
    "E10000032": list(range(223, 230)),  # West Sussex
    "E10000034": list(range(234, 240)),  # Worcestershire
}

#: Short labels chosen by hand where the automatic rule gives something unclear.
LABELS: dict[str, str] = {
    "E09000001": "CoL",
    "E09000002": "B&D",
    "E09000013": "H&F",
    "E09000020": "K&C",
    "E09000021": "King",
    "E09000027": "Rich",
    "E09000030": "TwrH",
    "E09000031": "WalF",
    "E09000012": "Hack",
    "E09000019": "Isl",
    "E09000007": "Cam",
    "E09000022": "Lam",
    "E09000028": "Sthk",
    "E09000032": "Wand",
    "E09000033": "Wmin",
    "E09000023": "Lew",
    "E09000011": "Gre",
    "E09000025": "New",
    "E09000026": "Red",
    "E09000016": "Hav",
    "E09000004": "Bex",
    "E09000006": "Brom",
    "E09000008": "Cro",
    "E09000029": "Sut",
    "E09000024": "Mer",
    "E09000018": "Hou",
    "E09000017": "Hil",
    "E09000009": "Eal",
    "E09000015": "Harr",
    "E09000005": "Bre",
    "E09000003": "Barn",
    "E09000010": "Enf",
    "E09000014": "Hgy",
    "E10000003": "Cambs",
    "E06000022": "BaNES",
    "E06000058": "BCP",
    "E06000010": "Hull",
    "E06000047": "Dur",
    "E06000011": "ERY",
    "E06000012": "NELi",
    "E06000013": "NLin",
    "E06000024": "NSom",
    "E08000022": "NTyn",
    "E06000065": "NYks",
    "E06000003": "R&C",
    "E08000023": "STyn",
    "E06000004": "Stck",
    "E06000064": "W&F",
    "E06000063": "Cumb",
    "E06000061": "NNth",
    "E06000062": "WNth",
    "E06000057": "Nthb",
    "E06000005": "Darl",
    "E06000001": "Hart",
    "E06000002": "Mbro",
    "E06000014": "York",
    "E08000021": "Newc",
    "E06000053": "IoS",
    "E06000046": "IoW",
    "E06000056": "CBed",
    "E06000055": "Bed",
    "E06000036": "BrkF",
    "E06000040": "W&M",
    "E06000039": "Slou",
    "E06000037": "WBrk",
    "E06000038": "Read",
    "E06000041": "Wokm",
    "E06000042": "MK",
    "E06000060": "Bucks",
    "E06000049": "ChsE",
    "E06000050": "CW&C",
    "E06000006": "Halt",
    "E06000007": "Warr",
    "E06000008": "BwD",
    "E06000009": "Bpool",
    "E08000001": "Bolt",
    "E08000002": "Bury",
    "E08000003": "Manc",
    "E08000004": "Oldh",
    "E08000005": "Roch",
    "E08000006": "Salf",
    "E08000007": "Stoc",
    "E08000008": "Tame",
    "E08000009": "Traf",
    "E08000010": "Wign",
    "E08000011": "Know",
    "E08000012": "Lpool",
    "E08000013": "StH",
    "E08000014": "Seft",
    "E08000015": "Wirr",
    "E08000024": "Sund",
    "E08000037": "Gate",
    "E10000032": "WSx",
    "E10000011": "ESx",
    "E06000043": "B&H",
    "E06000016": "Leic",
    "E10000018": "Leics",
    "E06000018": "Nott",
    "E10000024": "Notts",
    "E06000015": "Derb",
    "E10000007": "Derbs",
    "E06000021": "Stoke",
    "E10000028": "Staffs",
    "E06000054": "Wilts",
    "E06000030": "Swin",
    "E06000023": "Brist",
    "E06000025": "SGlos",
    "E10000013": "Glos",
    "E06000026": "Plym",
    "E06000027": "Torb",
    "E06000052": "Corn",
    "E06000066": "Som",
    "E06000059": "Dors",
    "E06000044": "Port",
    "E06000045": "Soton",
    "E10000014": "Hants",
    "E10000016": "Kent",
    "E06000035": "Medw",
    "E10000030": "Surr",
    "E10000012": "Essex",
    "E06000033": "Sthnd",
    "E06000034": "Thur",
    "E10000015": "Herts",
    "E06000032": "Luton",
    "E06000031": "Pboro",
    "E10000020": "Norf",
    "E10000029": "Suff",
    "E10000019": "Lincs",
    "E06000017": "Rut",
    "E10000025": "Oxon",
    "E10000031": "Warks",
    "E10000034": "Worcs",
    "E06000019": "Heref",
    "E06000051": "Shrop",
    "E06000020": "T&W",
    "E08000025": "Birm",
    "E08000026": "Cov",
    "E08000027": "Dudl",
    "E08000028": "Sand",
    "E08000029": "Soli",
    "E08000030": "Wals",
    "E08000031": "Wolv",
    "E08000032": "Brad",
    "E08000033": "Cald",
    "E08000034": "Kirk",
    "E08000035": "Leeds",
    "E08000036": "Wake",
    "E08000016": "Barn",
    "E08000038": "Bsly",
    "E08000017": "Donc",
    "E08000018": "Roth",
    "E08000019": "Shef",
    "E08000039": "Shef",
    "E10000017": "Lancs",
    "E10000008": "Devon",
}

#: London is stretched around this point (near Charing Cross), in metres (BNG).
LONDON_CENTRE = (530000.0, 180500.0)
LONDON_STRETCH = 7  # scale factor at the centre
LONDON_RADIUS = 20000  # metres: the stretch fades over about this distance
HEX_SPACING = 45000  # metres between neighbouring hex centres (after stretching)
MIN_GAP = 1.05  # cells: LAs closer than this push each other apart
SPRING = 0.01  # pull of each LA back to its own place, per round


def _ring_area(ring: list[list[float]]) -> float:
    """Unsigned area of one ring by the shoelace formula (in squared degrees)."""
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))) / 2


def _area(geometry: dict) -> float:
    """Area of a (multi)polygon in square degrees (only its ratios to others are used)."""
    polys = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polys = [polys]
    total = 0.0
    for poly in polys:
        for i, ring in enumerate(poly):
            a = _ring_area(ring)
            total += a if i == 0 else -a
    return total


def district_centroids() -> dict[str, tuple[float, float, float, str]]:
    """LAD code -> (easting, northing, area, name) for English districts."""
    data = json.loads(GEOJSON.read_text(encoding="utf-8"))
    out = {}
    for f in data["features"]:
        p = f["properties"]
        if p["LAD23CD"].startswith("E"):
            out[p["LAD23CD"]] = (
                float(p["BNG_E"]),
                float(p["BNG_N"]),
                _area(f["geometry"]),
                p["LAD23NM"],
            )
    return out


def las_at(day: date) -> list[dict[str, str]]:
    with LA_TABLE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [
        r
        for r in rows
        if (not r["valid_from"] or date.fromisoformat(r["valid_from"]) <= day)
        and (not r["valid_to"] or day <= date.fromisoformat(r["valid_to"]))
    ]


def la_points(las: list[dict[str, str]]) -> dict[str, tuple[float, float]]:
    """Each LA's location: its own district centroid, or its districts' area-weighted mean."""
    districts = district_centroids()
    used: set[str] = set()
    points = {}
    for la in las:
        code = la["la_code"]
        if code in COUNTY_DISTRICTS:
            members = [f"E07{n:06d}" for n in COUNTY_DISTRICTS[code]]
            missing = [m for m in members if m not in districts]
            if missing:
                sys.exit(f"{GEOJSON}: districts {missing} of {la['name']} not found")
            weight = sum(districts[m][2] for m in members)
            points[code] = (
                sum(districts[m][0] * districts[m][2] for m in members) / weight,
                sum(districts[m][1] * districts[m][2] for m in members) / weight,
            )
            used.update(members)
        elif own := [c for c in (code, *la["former_gss_codes"].split(";")) if c in districts]:
            # A later code change (e.g. Barnsley, Sheffield) finds the 2023 code among former ones.
            points[code] = districts[own[0]][:2]
            used.add(own[0])
        else:
            sys.exit(f"{GEOJSON}: no district with code {code} ({la['name']})")
    # The Isles of Scilly sit 45 km off Land's End: drawn just beyond Cornwall's tip instead.
    if "E06000053" in points and "E06000052" in points:
        ce, cn = points["E06000052"]
        points["E06000053"] = (ce - 60000.0, cn - 25000.0)
    unused = sorted(c for c in districts if c not in used)
    if unused:
        sys.exit(f"districts not assigned to an LA: {unused}")
    return points


def stretch(x: float, y: float) -> tuple[float, float]:
    """Spread London: r -> r + (k - 1) * R * (1 - exp(-r / R)) around the centre."""
    dx, dy = x - LONDON_CENTRE[0], y - LONDON_CENTRE[1]
    r = math.hypot(dx, dy)
    if r == 0:
        return x, y
    r2 = r + (LONDON_STRETCH - 1) * LONDON_RADIUS * (1 - math.exp(-r / LONDON_RADIUS))
    return LONDON_CENTRE[0] + dx * r2 / r, LONDON_CENTRE[1] + dy * r2 / r


def relax(
    points: dict[str, tuple[float, float]], rounds: int = 400
) -> dict[str, tuple[float, float]]:
    """Spread crowded points to about one cell apart, each held loosely to where it was.

    Metropolitan boroughs and London are far denser than one LA per cell: mutual repulsion
    (closer than MIN_GAP cells) pushes them apart, a weak spring keeps each near its place.
    """
    import numpy as np

    codes = sorted(points)
    anchor = np.array([points[c] for c in codes], dtype=float)
    p = anchor.copy()
    # Break exact ties deterministically (no random numbers).
    p += np.stack([np.linspace(0, 1e-3, len(codes)), np.linspace(1e-3, 0, len(codes))], axis=1)
    for _ in range(rounds):
        d = p[:, None, :] - p[None, :, :]
        dist = np.sqrt((d**2).sum(axis=2)) + np.eye(len(codes))
        overlap = np.clip(MIN_GAP - dist, 0, None)
        np.fill_diagonal(overlap, 0)
        push = (d / dist[:, :, None] * overlap[:, :, None]).sum(axis=1) * 0.25
        p = p + push + SPRING * (anchor - p)
    return {c: (float(x), float(y)) for c, (x, y) in zip(codes, p, strict=True)}


def hex_centre(q: int, r: int) -> tuple[float, float]:
    """Pointy-top axial (q, r) -> plane (x east, y south), unit spacing between centres."""
    return q + r / 2, r * math.sqrt(3) / 2


def assign(
    targets: dict[str, tuple[float, float]],
    blocked: set[tuple[int, int]],
    allowed: set[tuple[int, int]] | None = None,
) -> dict[str, tuple[int, int]]:
    """Unique hex cells near each target (plane units of hex spacing, y south).

    Cells in `blocked` are never used; with `allowed`, only those cells are.
    """

    def usable(cell: tuple[int, int]) -> bool:
        return cell not in blocked and (allowed is None or cell in allowed)

    def d2(code: str, cell: tuple[int, int]) -> float:
        hx, hy = hex_centre(*cell)
        tx, ty = targets[code]
        return (hx - tx) ** 2 + (hy - ty) ** 2

    def nearby(code: str, radius: int = 6) -> list[tuple[int, int]]:
        tx, ty = targets[code]
        r0 = round(ty * 2 / math.sqrt(3))
        q0 = round(tx - r0 / 2)
        cells = [
            (q0 + dq, r0 + dr)
            for dq in range(-radius, radius + 1)
            for dr in range(-radius, radius + 1)
        ]
        return sorted(cells, key=lambda c: (d2(code, c), c))

    taken: dict[tuple[int, int], str] = {}
    cell_of: dict[str, tuple[int, int]] = {}
    # The most crowded first: they have the fewest good cells to choose from.
    order = sorted(targets, key=lambda c: (_crowding(c, targets), c))
    for code in order:
        for cell in nearby(code, 12):
            if cell not in taken and usable(cell):
                taken[cell] = code
                cell_of[code] = cell
                break
    # Improve: swap pairs or move to free neighbouring cells while the total falls.
    improved = True
    while improved:
        improved = False
        codes = sorted(cell_of)
        for a in codes:
            for cell in nearby(a, 3):
                if not usable(cell):
                    continue
                ca = cell_of[a]
                b = taken.get(cell)
                if b == a:
                    continue
                before = d2(a, ca) + (d2(b, cell) if b else 0.0)
                after = d2(a, cell) + (d2(b, ca) if b else 0.0)
                if after < before - 1e-9:
                    taken[cell] = a
                    cell_of[a] = cell
                    if b:
                        taken[ca] = b
                        cell_of[b] = ca
                    else:
                        del taken[ca]
                    improved = True
    return cell_of


def place_london(points: dict[str, tuple[float, float]]) -> dict[str, tuple[int, int]]:
    """London as a solid blob: the cells nearest its centre, boroughs kept in their order.

    Borough centroids are scaled about the centre until their spread matches the blob's, then
    matched to its cells.
    """
    cx, cy = LONDON_CENTRE[0] / HEX_SPACING, -LONDON_CENTRE[1] / HEX_SPACING
    r0 = round(cy * 2 / math.sqrt(3))
    q0 = round(cx - r0 / 2)
    around = [(q0 + dq, r0 + dr) for dq in range(-8, 9) for dr in range(-8, 9)]

    def d2(cell: tuple[int, int]) -> float:
        x, y = hex_centre(*cell)
        return (x - cx) ** 2 + (y - cy) ** 2

    blob = sorted(around, key=lambda c: (d2(c), c))[: len(points)]
    spread = math.sqrt(sum(d2(c) for c in blob) / len(blob))
    rel = {c: (e / HEX_SPACING - cx, -n / HEX_SPACING - cy) for c, (e, n) in points.items()}
    own = math.sqrt(sum(x * x + y * y for x, y in rel.values()) / len(rel))
    k = spread / own
    targets = {c: (cx + x * k, cy + y * k) for c, (x, y) in rel.items()}
    return assign(targets, blocked=set(), allowed=set(blob))


def _crowding(code: str, targets: dict[str, tuple[float, float]]) -> float:
    """Negative count of other LAs within 1.5 cells: crowded ones are placed first."""
    tx, ty = targets[code]
    return -sum(1 for x, y in targets.values() if (x - tx) ** 2 + (y - ty) ** 2 < 2.25)


def compute_rows() -> list[list[object]]:
    """The table's rows: la_code, la_name, q, r, label, sorted by code."""
    las = las_at(AS_AT)
    points = la_points(las)
    london = {la["la_code"] for la in las if la["region"] == "London"}
    cells = place_london({c: p for c, p in points.items() if c in london})
    targets = {}
    for code, (e, n) in points.items():
        if code not in london:
            x, y = stretch(e, n)
            targets[code] = (x / HEX_SPACING, -y / HEX_SPACING)
    cells.update(assign(relax(targets), blocked=set(cells.values())))
    # Shift to non-negative coordinates; r by an even step so x = q + r / 2 keeps its place.
    shift_r = min(r for _, r in cells.values()) // 2 * 2
    shift_x = math.floor(min(q + r / 2 for q, r in cells.values()))
    fixed = []
    for la in sorted(las, key=lambda la: la["la_code"]):
        q, r = cells[la["la_code"]]
        label = LABELS.get(la["la_code"]) or la["name"][:4]
        fixed.append([la["la_code"], la["name"], q + shift_r // 2 - shift_x, r - shift_r, label])
    labels = [row[4] for row in fixed]
    dupes = sorted({lab for lab in labels if labels.count(lab) > 1})
    if dupes:
        sys.exit(f"labels not unique: {dupes}")
    return fixed


def main() -> None:
    if not GEOJSON.is_file():
        sys.exit(f"{GEOJSON} not found: run with ../shared beside the project")
    fixed = compute_rows()
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["la_code", "la_name", "q", "r", "label"])
        w.writerows(fixed)
    print(f"wrote {len(fixed)} LAs to {OUT}")


if __name__ == "__main__":
    main()
