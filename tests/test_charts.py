"""Figures 1-4 as SVG charts: accessible, faithful to the figures, byte-deterministic."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from inspection_outcomes.core.types import Chart
from inspection_outcomes.model.scale import JUDGEMENTS, SHORT_LABELS
from inspection_outcomes.publications.la_outcomes.charts import build_charts, chart_notes, long_date
from tests.test_charts_content import real_content, simulated_content

SVG = "{http://www.w3.org/2000/svg}"

pytestmark = pytest.mark.shared


def _by_id(charts: list[Chart]) -> dict[str, Chart]:
    return {c.id: c for c in charts}


def _expected_phrase(block: dict[str, Any]) -> str:
    """How the alt text states one bar: the whole percentages of the figures, in order."""
    return ", ".join(f"{block['percent'][j]}% {SHORT_LABELS[j].lower()}" for j in JUDGEMENTS)


def test_real_release_draws_figures_1_to_3_and_explains_figure_4() -> None:
    content = real_content()
    charts = _by_id(build_charts(content))
    assert sorted(charts) == ["figure_1", "figure_2", "figure_3"]
    note = chart_notes(content)["figure_4"]
    assert "no focused visits" in note


@pytest.mark.parametrize("make", [real_content, simulated_content])
def test_svgs_parse_and_carry_title_and_desc(make: Any) -> None:
    content = make()
    for chart in build_charts(content):
        root = ET.fromstring(chart.svg)
        assert root.tag == f"{SVG}svg"
        assert root.find(f"{SVG}title").text == chart.title
        assert root.find(f"{SVG}desc").text == chart.alt_text
        assert root.get("role") == "img"
        # Text stays text: the legend's words are searchable in the SVG.
        texts = {t.text for t in root.iter(f"{SVG}text")}
        assert "Good" in texts or any(t and t.endswith("%") for t in texts)
        assert "<dc:date>" not in chart.svg


def test_alt_text_and_tables_state_the_figures() -> None:
    content = real_content()
    f = content.figures
    charts = _by_id(build_charts(content))

    oe = f["overall_effectiveness"]
    fig1 = charts["figure_1"]
    assert f"as at {long_date(f['as_at'])} ({oe['n']} LAs): {_expected_phrase(oe)}" in (
        fig1.alt_text
    )
    assert f"{oe['good_or_outstanding_percent']}% were good or outstanding" in fig1.alt_text
    assert fig1.table.columns == [
        "Period",
        "% Outstanding",
        "% Good",
        "% Requires improvement to be good",
        "% Inadequate",
    ]
    expected_rows = [
        [f"As at {long_date(f['as_at'])} ({oe['n']})", *[oe["percent"][j] for j in JUDGEMENTS]]
    ]
    for day in sorted(f["earlier_as_at"], reverse=True):
        block = f["earlier_as_at"][day]
        assert f"as at {long_date(day)} ({block['n']} LAs): {_expected_phrase(block)}" in (
            fig1.alt_text
        )
        expected_rows.append(
            [f"As at {long_date(day)} ({block['n']})", *[block["percent"][j] for j in JUDGEMENTS]]
        )
    assert fig1.table.rows == expected_rows
    assert len(fig1.table.rows) == 3

    fig2 = charts["figure_2"]
    assert len(fig2.table.rows) == 9  # 8 Ofsted regions and England
    for region, block in f["by_region"].items():
        assert f"{region} ({block['n']} LAs): {_expected_phrase(block)}" in fig2.alt_text
        assert [f"{region} ({block['n']})", *[block["percent"][j] for j in JUDGEMENTS]] in (
            fig2.table.rows
        )
    assert fig2.table.rows[-1][0] == f"England ({oe['n']})"

    fig3 = charts["figure_3"]
    for key, label in [
        ("impact_of_leaders", "Impact of leaders"),
        ("help_and_protection", "Help and protection"),
        ("children_in_care", "Children in care"),
        ("care_leavers", "Care leavers"),
    ]:
        block = f["sub_judgements"][key]
        assert f"{label} ({block['n']} LAs): {_expected_phrase(block)}" in fig3.alt_text
    assert fig3.table.rows[0][0] == f"Overall effectiveness ({oe['n']})"


def test_segment_labels_are_the_published_percentages() -> None:
    content = real_content()
    fig1 = _by_id(build_charts(content))["figure_1"]
    root = ET.fromstring(fig1.svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    oe = content.figures["overall_effectiveness"]
    wide = [j for j in JUDGEMENTS if oe["counts"][j] * 100 / oe["n"] >= 5]
    for j in wide:
        assert f"{oe['percent'][j]}%" in texts


@pytest.mark.parametrize("make", [real_content, simulated_content])
def test_two_builds_are_byte_identical(make: Any) -> None:
    first = [c.svg for c in build_charts(make())]
    second = [c.svg for c in build_charts(make())]
    assert first == second


def test_simulated_release_says_so_and_draws_focused_visits() -> None:
    content = simulated_content()
    charts = _by_id(build_charts(content))
    assert sorted(charts) == ["figure_1", "figure_2", "figure_3", "figure_4"]
    assert "figure_4" not in chart_notes(content)
    for chart in charts.values():
        assert "Simulated data" in chart.svg
        assert chart.alt_text.startswith("Simulated data.")
        assert "simulated data" in chart.title
    fv = content.figures["in_year"]["focused_visits"]
    fig4 = charts["figure_4"]
    assert f"{fv['n']} focused visits" in fig4.alt_text
    assert [r[1] for r in fig4.table.rows] == [
        fv["themes_percent"][t]
        for t in (
            "front_door",
            "children_in_need_or_subject_to_a_plan",
            "achieving_permanence",
            "children_in_care",
            "care_leavers",
        )
    ]


def test_focused_visits_against_the_previous_year() -> None:
    content = simulated_content()
    fv = content.figures["in_year"]["focused_visits"]
    previous = {t: (v or 0) + 1 for t, v in fv["themes_percent"].items()}
    fv["previous_year"] = {"start": "2022-04-01", "end": "2023-03-31", "themes_percent": previous}
    fig4 = _by_id(build_charts(content))["figure_4"]
    assert fig4.table.columns[-1] == "Percentage, 1 April 2022 to 31 March 2023"
    assert [r[2] for r in fig4.table.rows] == list(previous.values())
    assert "1 April 2022 to 31 March 2023" in fig4.svg


def test_no_overall_effectiveness_means_no_figure_1() -> None:
    content = real_content()
    content.figures["overall_effectiveness"] = {"n": 0, "counts": None, "percent": None}
    content.figures["earlier_as_at"] = {}
    charts = _by_id(build_charts(content))
    assert "figure_1" not in charts
    assert "figure_1" in chart_notes(content)


def test_charts_are_fast_after_import() -> None:
    content = real_content()
    build_charts(content)  # imports matplotlib
    start = time.perf_counter()
    build_charts(content)
    # Well under a second on a quiet machine; the bound leaves room for a busy CI runner.
    assert time.perf_counter() - start < 5
