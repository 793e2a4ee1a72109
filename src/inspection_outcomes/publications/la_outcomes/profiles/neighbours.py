"""Each LA's neighbours to compare it with: its statistical neighbours from a third-party
lookup read at run time (the D2I tool's la_lookup.csv), or, for simulated data, which has
none, the nearest LAs of its region on the hex map (model/data/la_hex_positions.csv).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from inspection_outcomes.errors import InputError
from inspection_outcomes.model.local_authorities import LocalAuthority
from inspection_outcomes.model.reference import read_table
from inspection_outcomes.publications.la_outcomes.profiles.directory import LaDirectory
from inspection_outcomes.store.inspections import Warehouse

LOOKUP_FILE = "la_lookup.csv"
LOOKUP_CODE = "la_code_new"
LOOKUP_NEIGHBOURS = "stat_neighbours_la_code"
#: How many neighbours the hex map gives an LA (the lookup's lists have ten).
HEX_NEIGHBOURS = 10

STATISTICAL = "statistical_neighbours"
HEX_MAP = "hex_map"
NOT_AVAILABLE = "not_available"


@dataclass(frozen=True)
class NeighbourSource:
    """Where the neighbours come from, and each LA's neighbours (GSS codes, closest first)."""

    basis: str
    note: str
    file: str | None
    neighbours_of: Callable[[str], tuple[str, ...]]


def _no_neighbours(_code: str) -> tuple[str, ...]:
    return ()


def read_lookup(path: Path, directory: LaDirectory) -> dict[str, tuple[str, ...]]:
    """LA -> its statistical neighbours, as GSS codes of the LA table (former codes mapped)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
            header = rows[0].keys() if rows else ()
    except OSError as e:
        raise InputError(f"cannot be read: {e.strerror}", file=path) from None
    missing = [c for c in (LOOKUP_CODE, LOOKUP_NEIGHBOURS) if c not in header]
    if missing:
        raise InputError(f"not an LA lookup: missing column(s) {', '.join(missing)}", file=path)
    lists: dict[str, tuple[str, ...]] = {}
    for number, row in enumerate(rows, start=2):

        def known(code: str, field: str, where: int = number) -> str:
            la = directory.code(code)
            if la is None:
                raise InputError(
                    f"unknown local authority code '{code}'", file=path, row=where, field=field
                )
            return la.la_code

        codes = [c.strip() for c in (row[LOOKUP_NEIGHBOURS] or "").split(",") if c.strip()]
        lists[known(row[LOOKUP_CODE], LOOKUP_CODE)] = tuple(
            known(c, LOOKUP_NEIGHBOURS) for c in codes
        )
    return lists


@cache
def _hex_cells() -> dict[str, tuple[int, int]]:
    return {
        row["la_code"]: (int(row["q"]), int(row["r"])) for row in read_table("la_hex_positions.csv")
    }


def _cell_of(la: LocalAuthority) -> tuple[tuple[int, int], str] | None:
    """The LA's hex cell and its copy of the country ('' for the country itself; a
    simulated copy's codes end in '-<copy>')."""
    cells = _hex_cells()
    if la.la_code in cells:
        return cells[la.la_code], ""
    base, dash, copy = la.la_code.rpartition("-")
    return (cells[base], dash + copy) if dash and base in cells else None


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    dq, dr = a[0] - b[0], a[1] - b[1]
    return (abs(dq) + abs(dr) + abs(dq + dr)) // 2


def hex_neighbours(directory: LaDirectory) -> Callable[[str], tuple[str, ...]]:
    """For each LA on the hex map, the nearest LAs of its region (and copy of the country),
    nearest first, ties by name."""
    groups: dict[tuple[str, str], list[tuple[LocalAuthority, tuple[int, int]]]] = {}
    for la in directory.las:
        placed = _cell_of(la)
        if placed is not None:
            groups.setdefault((la.region, placed[1]), []).append((la, placed[0]))

    def neighbours_of(code: str) -> tuple[str, ...]:
        la = directory.by_code.get(code)
        placed = _cell_of(la) if la is not None else None
        if la is None or placed is None:
            return ()
        others = [(o, cell) for o, cell in groups[(la.region, placed[1])] if o is not la]
        others.sort(key=lambda p: (_distance(placed[0], p[1]), p[0].name))
        return tuple(o.la_code for o, _ in others[:HEX_NEIGHBOURS])

    return neighbours_of


def neighbour_source(
    wh: Warehouse, directory: LaDirectory, path: Path | None = None
) -> NeighbourSource:
    """The neighbours of the LAs of a source: from the lookup given, else the lookup beside a
    d2i: source file, else (simulated data) the hex map, else none."""
    spec = wh.source.spec
    if path is None and spec.kind == "d2i" and (spec.path.parent / LOOKUP_FILE).is_file():
        path = spec.path.parent / LOOKUP_FILE
    if path is not None:
        lists = read_lookup(path, directory)
        return NeighbourSource(
            STATISTICAL,
            "Statistical neighbours (local authorities with similar "
            f"characteristics), closest first, from {path.name}.",
            str(path),
            lambda code: lists.get(code, ()),
        )
    if wh.source.simulated:
        return NeighbourSource(
            HEX_MAP,
            "Simulated data has no statistical neighbours: these are the "
            f"{HEX_NEIGHBOURS} nearest LAs of the same region on the hex map, nearest first.",
            None,
            hex_neighbours(directory),
        )
    return NeighbourSource(
        NOT_AVAILABLE,
        "Statistical neighbours are not available: give --neighbours "
        f"with the D2I tool's {LOOKUP_FILE}.",
        None,
        _no_neighbours,
    )
