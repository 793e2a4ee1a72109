"""The map from real boundaries: every LA of the date one shape (structural changes followed),
a legend whose counts are the figures', London in its own box, regions outlined, shapes
titled and linked, well-formed and deterministic SVG under 400 KB; bad boundaries refused
with one clear line."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from inspection_outcomes.core.la_areas import areas_on, today_codes
from inspection_outcomes.core.map import read_boundaries
from inspection_outcomes.errors import InputError
from inspection_outcomes.model import local_authorities as las
from inspection_outcomes.publications.la_outcomes.map import CATEGORY_LABELS, build_map
from tests.conftest import require_shared
from tests.test_charts_content import real_content

SVG = "{http://www.w3.org/2000/svg}"
CUMBRIA, CUMBERLAND, WESTMORLAND = "E10000006", "E06000063", "E06000064"


def _boundaries() -> Path:
    return require_shared() / "data" / "geo" / "lad_2023_boundaries.geojson"


def _titles(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [t.text or "" for p in root.iter(f"{SVG}path") for t in p.iter(f"{SVG}title")]


def test_every_la_of_the_date_is_one_shape_with_its_judgement() -> None:
    content = real_content()
    chart = build_map(content, lambda c: f"la/{c}.html", _boundaries())
    assert chart is not None
    rows = content.tables["as_at"]
    titles = _titles(chart.svg)
    inset = chart.inline.inset.areas
    main = titles[: len(titles) - len(inset)]
    assert len(main) == len(rows) == 153
    for r in rows:
        assert sum(t.startswith(f"{r['la_name']}: ") for t in main) >= 1
    assert len(inset) == 33  # the London boroughs, again, larger
    # every shape linked to its LA's page (from charts/, the file's folder)
    root = ET.fromstring(chart.svg)
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert len(links) == 153 + 33 and all(re.fullmatch(r"\.\./la/E\d{8}\.html", h) for h in links)


def test_legend_counts_are_the_figures() -> None:
    content = real_content()
    chart = build_map(content, None, _boundaries())
    assert chart is not None
    legend = {i.label.rsplit(" (", 1)[0]: i.count for i in chart.inline.legend}
    oe = content.figures["overall_effectiveness"]["counts"]
    for j, n in oe.items():
        assert legend[CATEGORY_LABELS[j]] == n
    assert sum(legend.values()) == 153
    assert next(i.label for i in chart.inline.legend) == f"Outstanding ({oe['outstanding']})"


def test_structural_changes_follow_the_date() -> None:
    assert today_codes(CUMBRIA) == (CUMBERLAND, WESTMORLAND)
    before = [la.la_code for la in las.existing_on(date(2022, 3, 31))]
    after = [la.la_code for la in las.existing_on(date(2024, 3, 31))]
    members, _ = areas_on(before)
    assert members[CUMBRIA] == [CUMBERLAND, WESTMORLAND]
    assert CUMBERLAND not in members
    members, _ = areas_on(after)
    assert members[CUMBERLAND] == [CUMBERLAND] and CUMBRIA not in members
    # before April 2019, Bournemouth, Poole and the old Dorset county share today's BCP
    members, drawn_for = areas_on([la.la_code for la in las.existing_on(date(2018, 3, 31))])
    assert sorted(drawn_for["shared:E06000058"]) == ["E06000028", "E06000029", "E10000009"]
    assert members["E10000009"] == ["E06000059"]


def test_map_as_at_2022_draws_cumbria() -> None:
    content = copy.deepcopy(real_content())
    day = date(2022, 3, 31)
    content.figures["as_at"] = day.isoformat()
    content.tables["as_at"] = [
        {"la_code": la.la_code, "la_name": la.name, "region": la.region}
        for la in las.existing_on(day)
    ]
    chart = build_map(content, None, _boundaries())
    assert chart is not None
    titles = _titles(chart.svg)
    assert any(t.startswith("Cumbria: ") for t in titles)
    assert not any(t.startswith("Cumberland: ") for t in titles)


def test_svg_is_well_formed_small_deterministic_and_escaped() -> None:
    content = real_content()
    a = build_map(content, None, _boundaries())
    b = build_map(copy.deepcopy(content), None, _boundaries())
    assert a is not None and b is not None
    assert a.svg == b.svg
    root = ET.fromstring(a.svg)
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    assert len(a.svg.encode()) < 400_000
    hostile = copy.deepcopy(content)
    hostile.tables["as_at"][0]["la_name"] = "<script>x</script> & \"'"
    svg = build_map(hostile, None, _boundaries()).svg  # type: ignore[union-attr]
    ET.fromstring(svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_regions_are_outlined() -> None:
    chart = build_map(real_content(), None, _boundaries())
    assert chart is not None
    assert len(chart.inline.outlines) == 8  # Ofsted's regions


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("not json", None),
        ('{"type": "Feature"}', "type"),
        (
            '{"type": "FeatureCollection", "features": [{"properties": {}, "geometry": null}]}',
            "LAD23CD",
        ),
        (
            '{"type": "FeatureCollection", "features": [{"properties": {"LAD23CD": "E1"}, '
            '"geometry": {"type": "Point", "coordinates": [0, 0]}}]}',
            "geometry",
        ),
    ],
)
def test_bad_boundaries_are_refused_with_one_line(
    tmp_path: Path, text: str, field: str | None
) -> None:
    path = tmp_path / f"bad{abs(hash(text))}.geojson"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_boundaries(path, "LAD23CD", "LAD23NM")
    message = str(e.value)
    assert path.name in message and "\n" not in message
    if field:
        assert field in message


def test_no_boundaries_no_map(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import inspection_outcomes.publications.la_outcomes.map as la_map

    monkeypatch.setattr(la_map, "boundaries_file", lambda: None)
    assert build_map(real_content()) is None
    json.dumps(real_content().figures)  # the figures stand without the map
