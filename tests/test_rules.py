"""Unit and property tests of the methodology's rules, on small canonical sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspection_outcomes.model import local_authorities
from inspection_outcomes.model.scale import percent
from inspection_outcomes.publications.la_outcomes.spec import (
    ReleaseSpec,
    add_months,
    default_cutoff,
    default_period_start,
)
from tests.engine_helpers import event, figures_for

BARNET = "E09000003"
CAMDEN = "E09000007"
CUMBERLAND = "E06000063"
CUMBRIA = "E10000006"


def test_cutoff_is_three_calendar_months_clamped_to_month_end() -> None:
    assert default_cutoff(date(2024, 3, 31)) == date(2024, 6, 30)
    assert default_cutoff(date(2021, 8, 31)) == date(2021, 11, 30)
    assert default_cutoff(date(2023, 11, 30)) == date(2024, 2, 29)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_period_starts_on_the_1_april_on_or_before_as_at() -> None:
    assert default_period_start(date(2024, 3, 31)) == date(2023, 4, 1)
    assert default_period_start(date(2021, 8, 31)) == date(2021, 4, 1)
    assert default_period_start(date(2021, 4, 1)) == date(2021, 4, 1)


def test_earlier_as_at_dates_are_previous_31_marches_with_own_cutoff() -> None:
    spec = ReleaseSpec.for_date(date(2024, 3, 31))
    assert spec.earlier(1).as_at == date(2023, 3, 31)
    assert spec.earlier(2).publication_cutoff == date(2022, 6, 30)
    aug = ReleaseSpec.for_date(date(2021, 8, 31))
    assert aug.earlier(1).as_at == date(2021, 3, 31)
    assert aug.provisional and not spec.provisional


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=500))
def test_percent_rounds_half_away_from_zero(count: int, n: int) -> None:
    exact = 100 * count / n
    p = percent(count, n)
    assert p is not None
    assert abs(p - exact) <= 0.5
    if (200 * count) % (2 * n) == n:  # exactly half
        assert p == int(exact) + 1


def test_percent_of_nothing_is_none() -> None:
    assert percent(0, 0) is None


def test_las_existing_follow_structural_changes() -> None:
    assert len(local_authorities.existing_on(date(2024, 3, 31))) == 153
    assert len(local_authorities.existing_on(date(2023, 3, 31))) == 152
    assert len(local_authorities.existing_on(date(2021, 3, 31))) == 151
    assert len(local_authorities.existing_on(date(2019, 3, 31))) == 152
    names = {la.name for la in local_authorities.existing_on(date(2023, 4, 1))}
    assert "Cumberland" in names and "Cumbria" not in names


def test_report_published_on_the_cutoff_counts_and_a_day_later_does_not(tmp_path: Path) -> None:
    rows = [
        event(1, BARNET, "2024-03-04", "2024-06-30"),
        event(2, CAMDEN, "2024-03-04", "2024-07-01"),
    ]
    f = figures_for(tmp_path, rows, "2024-03-31")
    assert f["overall_effectiveness"]["n"] == 1
    assert "Camden" in f["local_authorities"]["not_yet_graded"]


def test_inspection_after_as_at_does_not_count(tmp_path: Path) -> None:
    rows = [
        event(1, BARNET, "2024-03-31", "2024-05-01"),
        event(2, CAMDEN, "2024-04-01", "2024-05-01"),
    ]
    f = figures_for(tmp_path, rows, "2024-03-31")
    assert f["overall_effectiveness"]["n"] == 1


def test_late_report_falls_back_to_the_earlier_judgement_then_enters_next_release(
    tmp_path: Path,
) -> None:
    rows = [
        event(1, BARNET, "2021-01-11", "2021-03-01", overall_effectiveness="good"),
        event(2, BARNET, "2024-03-04", "2024-07-15", overall_effectiveness="inadequate"),
    ]
    now = figures_for(tmp_path, rows, "2024-03-31")
    assert now["overall_effectiveness"]["counts"]["good"] == 1
    later = figures_for(tmp_path, rows, "2025-03-31")
    assert later["overall_effectiveness"]["counts"]["inadequate"] == 1


def test_two_inspections_on_one_day_are_ordered_deterministically(tmp_path: Path) -> None:
    rows = [
        event(
            1, BARNET, "2023-05-01", "2023-06-01", end="2023-05-05", overall_effectiveness="good"
        ),
        event(
            2,
            BARNET,
            "2023-05-01",
            "2023-06-02",
            end="2023-05-12",
            overall_effectiveness="requires_improvement",
        ),
    ]
    f = figures_for(tmp_path, rows, "2024-03-31")
    assert f["overall_effectiveness"]["counts"]["requires_improvement"] == 1
    assert f["overall_effectiveness"]["n"] == 1


def test_inspections_identical_in_all_three_dates_give_the_same_figures_in_any_order(
    tmp_path: Path,
) -> None:
    """The tie-break (a hash of the event id) depends on the records, not their order."""
    rows = [
        event(
            1, BARNET, "2023-05-01", "2023-06-01", end="2023-05-05", overall_effectiveness="good"
        ),
        event(
            2,
            BARNET,
            "2023-05-01",
            "2023-06-01",
            end="2023-05-05",
            overall_effectiveness="inadequate",
        ),
        event(3, CAMDEN, "2022-05-01", "2022-06-01", overall_effectiveness="good"),
    ]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    forward = figures_for(tmp_path / "a", rows, "2024-03-31")
    backward = figures_for(tmp_path / "b", rows[::-1], "2024-03-31")
    assert forward["overall_effectiveness"] == backward["overall_effectiveness"]
    assert forward["overall_effectiveness"]["n"] == 2


def test_la_created_mid_period_is_not_yet_graded_and_predecessor_history_is_not_its_own(
    tmp_path: Path,
) -> None:
    rows = [
        event(1, CUMBRIA, "2022-05-03", "2022-07-01", overall_effectiveness="good"),
        event(2, CUMBERLAND, "2024-10-07", "2024-11-26"),
    ]
    f = figures_for(tmp_path, rows, "2024-03-31")
    assert f["local_authorities"]["total"] == 153
    assert "Cumberland" in f["local_authorities"]["not_yet_graded"]
    assert f["overall_effectiveness"]["n"] == 0
    before = f["earlier_as_at"]["2023-03-31"]
    assert before["n"] == 1 and before["counts"]["good"] == 1
    later = figures_for(tmp_path, rows, "2025-03-31")
    assert "Cumberland" not in later["local_authorities"]["not_yet_graded"]
    assert later["change_since_earlier_inspection"]["n"] == 0


def test_change_since_first_and_previous(tmp_path: Path) -> None:
    rows = [
        event(1, BARNET, "2018-05-01", "2018-07-01", overall_effectiveness="inadequate"),
        event(2, BARNET, "2020-01-06", "2020-03-01", overall_effectiveness="requires_improvement"),
        event(
            3,
            BARNET,
            "2023-05-01",
            "2023-07-01",
            overall_effectiveness="outstanding",
            care_leavers="good",
        ),
    ]
    first = figures_for(tmp_path, rows, "2024-03-31", "first")["change_since_earlier_inspection"]
    assert first["n"] == 1 and first["matrix"]["inadequate"]["improved"] == 1
    assert first["improved_by_two"] == 1
    assert first["matrix"]["outstanding"]["improved"] is None
    prev = figures_for(tmp_path, rows, "2024-03-31", "previous")["change_since_earlier_inspection"]
    assert prev["matrix"]["requires_improvement"]["improved"] == 1
    assert prev["improved_by_two"] == 1


def test_framework_2026_gives_no_overall_and_says_so(tmp_path: Path) -> None:
    rows = [
        event(1, BARNET, "2023-05-01", "2023-07-01", overall_effectiveness="good"),
        event(2, BARNET, "2026-05-11", "2026-07-07"),
    ]
    f = figures_for(tmp_path, rows, "2027-03-31")
    assert f["overall_effectiveness"]["counts"]["good"] == 1
    assert f["sub_judgements"]["care_leavers"]["n"] == 1
    assert any("1 April 2026" in n for n in f["notes"])
    assert f["in_year"]["graded"]["n"] == 0  # no overall judgement to count


def test_in_year_counts_and_nulls_for_event_types_not_held(tmp_path: Path) -> None:
    rows = [
        event(1, BARNET, "2021-05-01", "2021-07-01", overall_effectiveness="inadequate"),
        event(2, BARNET, "2023-06-05", "2023-08-01", overall_effectiveness="good"),
        event(3, CAMDEN, "2023-09-04", "2023-10-20", "short_inspection"),
    ]
    f = figures_for(tmp_path, rows, "2024-03-31")
    y = f["in_year"]
    assert y["by_type"]["standard_inspection"] == 1 and y["by_type"]["short_inspection"] == 1
    # canonical records can hold every event type: none in the period is a true 0
    assert y["by_type"]["focused_visit"] == 0 and y["focused_visits"]["n"] == 0
    assert y["graded"]["reinspected_after_inadequate"] == 1
    assert y["graded"]["reinspected_after_inadequate_improved_to_good"] == 1
    assert "focused_visit" in f["coverage"]


def test_focused_and_monitoring_visits(tmp_path: Path) -> None:
    rows = [
        event(1, BARNET, "2021-05-01", "2021-07-01", overall_effectiveness="requires_improvement"),
        event(2, BARNET, "2023-06-05", "2023-08-01", "focused_visit", themes="front_door"),
        event(3, CAMDEN, "2022-05-01", "2022-07-01", overall_effectiveness="inadequate"),
        event(4, CAMDEN, "2023-06-05", "2023-07-01", "monitoring_visit"),
        event(5, CAMDEN, "2023-10-02", "2023-11-01", "monitoring_visit"),
        event(
            6, CAMDEN, "2024-01-08", "2024-03-01", overall_effectiveness="good", care_leavers="good"
        ),
    ]
    y = figures_for(tmp_path, rows, "2024-03-31")["in_year"]
    assert y["visits"] == 4 and y["las_visited"] == 2
    assert y["focused_visits"]["n"] == 1 and y["focused_visits"]["to_requires_improvement_las"] == 1
    assert y["focused_visits"]["themes_percent"]["front_door"] == 100
    assert y["monitoring_visits"] == {"n": 2, "las": 1, "las_reinspected": 1}


def test_focused_visit_reads_the_more_recent_of_two_inspections_on_one_day(tmp_path: Path) -> None:
    """The LA's last judgement before a visit follows the "most recent" rule on a tie of
    days (the later end date), in whichever order the records come."""
    rows = [
        event(
            1,
            BARNET,
            "2022-05-02",
            "2022-07-01",
            end="2022-05-13",
            overall_effectiveness="requires_improvement",
        ),
        event(
            2, BARNET, "2022-05-02", "2022-06-20", end="2022-05-06", overall_effectiveness="good"
        ),
        event(3, BARNET, "2023-06-05", "2023-08-01", "focused_visit", themes="front_door"),
        event(
            4,
            CAMDEN,
            "2022-05-02",
            "2022-07-01",
            end="2022-05-06",
            overall_effectiveness="requires_improvement",
        ),
        event(
            5, CAMDEN, "2022-05-02", "2022-06-20", end="2022-05-13", overall_effectiveness="good"
        ),
        event(6, CAMDEN, "2023-06-05", "2023-08-01", "focused_visit", themes="front_door"),
    ]
    for name, order in (("a", rows), ("b", rows[::-1])):
        (tmp_path / name).mkdir()
        y = figures_for(tmp_path / name, order, "2024-03-31")["in_year"]
        assert y["focused_visits"]["n"] == 2
        assert y["focused_visits"]["to_requires_improvement_las"] == 1


@pytest.mark.parametrize(
    "as_at",
    [
        "2019-03-31",
        "2020-03-31",
        "2021-03-31",
        "2022-03-31",
        "2023-03-31",
        "2024-03-31",
        "2025-03-31",
        "2026-03-31",
        "2024-08-31",
    ],
)
def test_every_31_march_and_31_august_runs(tmp_path: Path, as_at: str) -> None:
    rows = [event(1, BARNET, "2018-05-01", "2018-07-01")]
    f = figures_for(tmp_path, rows, as_at)
    assert f["as_at"] == as_at and f["overall_effectiveness"]["n"] == 1
