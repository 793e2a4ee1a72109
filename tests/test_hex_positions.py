"""The hex layout of LAs that simulated data take their neighbours from (a simulated source
has no statistical neighbours): one labelled cell per LA, London one cluster, reproduced by
its generator."""

from __future__ import annotations

import csv
import importlib.util
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date

import pytest

from inspection_outcomes.model import local_authorities as las
from inspection_outcomes.model.reference import data_path
from tests.conftest import ROOT, require_shared

#: Pointy-top axial neighbours of a hex.
_NEIGHBOURS = [(1, 0), (0, 1), (-1, 1), (-1, 0), (0, -1), (1, -1)]


def positions() -> dict[str, tuple[int, int, str]]:
    with data_path("la_hex_positions.csv").open(encoding="utf-8", newline="") as f:
        return {r["la_code"]: (int(r["q"]), int(r["r"]), r["label"]) for r in csv.DictReader(f)}


SVG = "{http://www.w3.org/2000/svg}"
AS_AT = date(2024, 3, 31)


def _hexes(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {g.get("data-la-code"): g for g in root.iter(f"{SVG}g") if g.get("class") == "hex"}


def test_every_la_of_31_march_2024_has_exactly_one_cell() -> None:
    with data_path("la_hex_positions.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    codes = [r["la_code"] for r in rows]
    assert Counter(codes).most_common(1)[0][1] == 1
    assert set(codes) == {la.la_code for la in las.existing_on(AS_AT)}
    cells = [(r["q"], r["r"]) for r in rows]
    assert len(set(cells)) == len(cells)
    labels = [r["label"] for r in rows]
    assert len(set(labels)) == len(labels)
    assert all(0 < len(label) <= 6 for label in labels)


def test_london_is_one_connected_cluster() -> None:
    pos = positions()
    london = {la.la_code for la in las.existing_on(AS_AT) if la.region == "London"}
    assert len(london) == 33
    cells = {pos[c][:2] for c in london}
    seen = {next(iter(sorted(cells)))}
    frontier = list(seen)
    while frontier:
        q, r = frontier.pop()
        for dq, dr in _NEIGHBOURS:
            n = (q + dq, r + dr)
            if n in cells and n not in seen:
                seen.add(n)
                frontier.append(n)
    assert seen == cells


@pytest.mark.shared
def test_positions_are_reproduced_by_the_generator() -> None:
    require_shared()  # the generator reads the boundaries in ../shared/data/geo
    spec = importlib.util.spec_from_file_location(
        "make_hex_positions", ROOT / "tools" / "make_hex_positions.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with data_path("la_hex_positions.csv").open(encoding="utf-8", newline="") as f:
        shipped = [
            [r["la_code"], r["la_name"], int(r["q"]), int(r["r"]), r["label"]]
            for r in csv.DictReader(f)
        ]
    assert module.compute_rows() == shipped
