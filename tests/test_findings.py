"""The main findings text: every number comes from the figures, and wrong numbers are caught."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import pytest

from inspection_outcomes.core.sentences import (
    Findings,
    Paragraph,
    Section,
    Sentence,
    check_numbers,
    numbers_in,
    say,
)
from inspection_outcomes.publications.la_outcomes.findings import build_findings
from tests.engine_helpers import event, run_for
from tests.test_findings_support import engine_content, published_figures


def _text(findings: Findings) -> str:
    return "\n".join(s.text for s in findings.sentences())


def test_every_number_of_the_2024_text_equals_the_published_figures(shared: Path) -> None:
    figures = published_figures(shared)
    findings = build_findings(figures)
    assert check_numbers(findings, figures) == []
    # Every sentence that prints a number says where it comes from.
    for s in findings.sentences():
        if numbers_in(s.text):
            assert s.values, s.text


def test_2024_key_sentences_reproduce_the_published_numbers(shared: Path) -> None:
    text = _text(build_findings(published_figures(shared)))
    for published in (
        "As at 31 March 2024, 60% of LAs were judged to be good or outstanding",
        "compared with 53% as at 31 March 2022",
        "26 LAs (40%) improved their overall effectiveness judgement compared with their first "
        "ILACS inspection, and 15 LAs (23%) retained a good or outstanding judgement",
        "There were 12 LAs (18%) that had a decline",
        "highest in London (85%) and lowest in the North West (36%)",
        "Around 54% of LAs were judged as good or outstanding",
        "151 out of 153 LAs in England had received a graded judgement inspection",
        "were Cumberland, and Westmorland and Furness",
        "Of the 151 LAs inspected, 30 LAs (20%) were judged as outstanding at their most recent "
        "inspection, 61 (40%) good, 43 (28%) requires improvement to be good and 17 (11%) "
        "inadequate",
        "Of the 51 LAs with a care leavers judgement, 23 LAs (45%) have a different judgement",
        "we visited 80 of the 153 LAs, on 96 different occasions",
        "25% (9 LAs) resulted in a judgement of outstanding, 44% (16 LAs) good, 14% (5 LAs) "
        "requires improvement to be good and 17% (6 LAs) inadequate",
        "more improved (12 LAs) than declined (8 LAs)",
        "There were 16 LAs that retained the same judgement",
        "we re-inspected 2 LAs that had been judged as inadequate",
        "Both LAs improved their overall effectiveness judgement to good",
        "Of the 34 focused visits carried out, 16 were to LAs judged as requires improvement",
        "a total of 26 monitoring visits across 11 LAs",
        "None of these LAs have yet been re-inspected",
    ):
        assert published in text


def test_engine_figures_text_agrees_with_its_figures(shared: Path) -> None:
    content = engine_content(shared)
    findings = build_findings(content.figures)
    assert check_numbers(findings, content.figures) == []
    text = _text(findings)
    oe = content.figures["overall_effectiveness"]
    assert f"{oe['good_or_outstanding_percent']}% of LAs were judged to be good" in text
    # The source holds graded inspections only: those figures are said in words, not as 0.
    assert "do not hold focused visits" in text
    assert "do not hold monitoring visits" in text
    assert "0 focused visits" not in text


def test_a_printed_number_that_differs_from_the_figures_is_caught(shared: Path) -> None:
    """The 2025 publication printed '(52)' focused visits where its text said 36."""
    figures = published_figures(shared)
    figures["in_year"]["focused_visits"]["n"] = 36
    findings = build_findings(figures)
    assert check_numbers(findings, figures) == []
    target = next(s for s in findings.sentences() if "focused visits carried out" in s.text)
    target.text = target.text.replace("Of the 36 focused visits", "Of the 36 focused visits (52)")
    problems = check_numbers(findings, figures)
    assert len(problems) == 1 and "'52'" in problems[0]


def test_a_quoted_value_that_differs_from_the_figures_is_caught(shared: Path) -> None:
    figures = published_figures(shared)
    findings = build_findings(figures)
    wrong = copy.deepcopy(figures)
    wrong["overall_effectiveness"]["good_or_outstanding_percent"] = 61
    problems = check_numbers(findings, wrong)
    assert problems and all("good_or_outstanding_percent" in p for p in problems)


def test_numbers_dates_and_missing_paths_are_checked() -> None:
    figures = {"as_at": "2024-03-31", "a": {"b": 7}}
    ok = say(figures, "As at {d:date}, {n} LAs.", d="as_at", n="a.b")
    assert ok.text == "As at 31 March 2024, 7 LAs."
    findings = Findings("t", [Section(Sentence("h"), [Paragraph([ok])])])
    assert check_numbers(findings, figures) == []
    findings.sections[0].paragraphs[0].sentences.append(
        Sentence("As at 30 June 2024, 7 LAs.", {"as_at": "2024-03-31", "a.b": 7})
    )
    findings.sections[0].paragraphs[0].sentences.append(Sentence("x", {"a.c": 1}))
    problems = check_numbers(findings, figures)
    assert any("'30 June 2024'" in p for p in problems)
    assert any("a.c" in p and "not in the figures" in p for p in problems)


def test_nulls_are_said_in_words(shared: Path) -> None:
    figures = published_figures(shared)
    figures["in_year"]["focused_visits"] = {
        "n": None,
        "to_requires_improvement_las": None,
        "themes_percent": {"front_door": None},
    }
    figures["in_year"]["monitoring_visits"] = {"n": None, "las": None, "las_reinspected": None}
    figures["in_year"]["by_type"]["focused_visit"] = None
    figures["in_year"]["by_type"]["monitoring_visit"] = None
    figures["inadequate_overall_with_one_inadequate_sub_judgement"] = None
    findings = build_findings(figures)
    text = _text(findings)
    assert "do not hold focused visits" in text
    assert "do not hold monitoring visits" in text
    assert "focused visits: not held in the source data" in text
    assert "do not hold the sub-judgements of LAs judged inadequate overall" in text
    assert not re.search(r"\bNone\b(?! of)", text)
    assert check_numbers(findings, figures) == []
    focused = next(s for s in findings.sections if s.id == "focused-visits")
    assert focused.figure_ids == []


def test_compare_with_previous_reports_moves_of_two_grades(shared: Path) -> None:
    figures = published_figures(shared)
    change = figures["change_since_earlier_inspection"]
    change.update(compared_with="previous", improved_by_two=5, declined_by_two=4)
    findings = build_findings(figures)
    text = _text(findings)
    assert "compared with their previous ILACS inspection" in text
    assert "5 LAs improved by two or more grades and 4 LAs declined by two" in text
    assert check_numbers(findings, figures) == []
    table = next(s for s in findings.sections if s.id == "change").tables[0]
    assert table.columns[0].startswith("Previous")


def test_framework_change_of_2026_is_noted(tmp_path: Path) -> None:
    """A release as at 31 March 2027 says that overall effectiveness is no longer given."""
    rows = [
        event(
            1,
            "E09000002",
            "2022-05-09",
            "2022-06-20",
            overall_effectiveness="good",
            impact_of_leaders="good",
            help_and_protection="good",
            children_in_care="good",
        ),
        event(2, "E09000002", "2026-06-01", "2026-07-10"),
    ]
    run = run_for(tmp_path, rows, "2027-03-31")
    findings = build_findings(run.figures)
    notes = next(s for s in findings.sections if s.id == "notes")
    text = " ".join(p.text for p in notes.paragraphs)
    assert "1 April 2026" in text and "no overall effectiveness" in text
    assert check_numbers(findings, run.figures) == []


@pytest.mark.parametrize("as_at", ["2022-03-31", "2023-03-31"])
def test_other_years_agree_with_their_figures(as_at: str, shared: Path) -> None:
    from inspection_outcomes.publications.la_outcomes.engine import run_engine
    from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec

    history = shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    run = run_engine(f"d2i:{history}", ReleaseSpec.for_date(date.fromisoformat(as_at)))
    findings = build_findings(run.figures)
    assert check_numbers(findings, run.figures) == []
    assert f"As at {int(as_at[8:])} March {as_at[:4]}" in _text(findings)
