"""The hex map of LAs: one legible, labelled hex per LA; table and alt text equal the data."""

from __future__ import annotations

import csv
import importlib.util
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date

import pytest

from inspection_outcomes.model import local_authorities as las
from inspection_outcomes.model.reference import data_path
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS
from inspection_outcomes.publications.la_outcomes.map import (
    _NEIGHBOURS,
    build_map,
    place,
    positions,
)
from tests.conftest import ROOT, require_shared
from tests.test_charts_content import real_content, simulated_content

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
def test_map_of_the_real_release() -> None:
    content = real_content()
    chart = build_map(content)
    root = ET.fromstring(chart.svg)
    assert root.find(f"{SVG}title").text == chart.title
    assert root.find(f"{SVG}desc").text == chart.alt_text

    rows = content.tables["as_at"]
    hexes = _hexes(chart.svg)
    assert set(hexes) == {r["la_code"] for r in rows}
    assert len(chart.table.rows) == 153
    assert chart.table.columns == ["LA code", "Local authority", "Region", "Overall effectiveness"]

    by_code = {r["la_code"]: r for r in rows}
    for code, g in hexes.items():
        row = by_code[code]
        title = g.find(f"{SVG}title").text
        assert title.startswith(f"{row['la_name']}: ")
        judgement = row["overall_effectiveness"]
        if judgement:
            expected = LABELS[judgement]
        elif row["la_name"] in content.figures["local_authorities"]["not_yet_graded"]:
            expected = "Not yet inspected"
        else:
            expected = "Judgement not in the source data"
        assert title == f"{row['la_name']}: {expected}"
        assert g.find(f"{SVG}text").text

    london = [r for r in rows if r["region"] == "London"]
    assert len(london) == 33
    assert all(hexes[r["la_code"]].find(f"{SVG}text").text for r in london)

    # The alt text's counts are the figures'; the not yet inspected are named.
    counts = content.figures["overall_effectiveness"]["counts"]
    for j in JUDGEMENTS:
        assert f"{counts[j]} {LABELS[j].lower()}" in chart.alt_text
    names = content.figures["local_authorities"]
    assert "Not yet inspected: " + ", ".join(names["not_yet_graded"]) in chart.alt_text
    assert (
        "Judgement not in the source data: " + ", ".join(names["judgement_not_in_source"])
        in chart.alt_text
    )
    table_counts = Counter(r[3] for r in chart.table.rows)
    assert {j: table_counts[LABELS[j]] for j in JUDGEMENTS} == counts


@pytest.mark.shared
def test_map_is_byte_identical_and_marks_simulated_data() -> None:
    assert build_map(real_content()).svg == build_map(real_content()).svg
    assert "Simulated data" not in build_map(real_content()).svg
    sim = build_map(simulated_content())
    assert "Simulated data" in sim.svg
    assert sim.alt_text.startswith("Simulated data.")
    assert build_map(simulated_content()).svg == sim.svg


def test_former_las_take_a_free_cell_at_their_successors() -> None:
    day = date(2023, 3, 31)  # Cumbria still exists; Cumberland and W&F do not yet
    codes = [la.la_code for la in las.existing_on(day)]
    cells = place(codes)
    assert set(cells) == set(codes)
    xy = [c[:2] for c in cells.values()]
    assert len(set(xy)) == len(xy)
    cumbria = cells["E10000006"][:2]
    successors = {positions()[c][:2] for c in ("E06000063", "E06000064")}
    assert cumbria in successors


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
