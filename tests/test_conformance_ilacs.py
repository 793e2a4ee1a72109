"""Conformance: the published figures of the LA release as at 31 March 2024 (seed 002),
reproduced from the real data. Every figure the source supports must be equal; each known
difference is listed here with its evidence, never tuned away."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from inspection_outcomes.model.scale import JUDGEMENTS, percent

ROOT = Path(__file__).resolve().parents[1]

#: figure path -> evidence. These figures differ from the publication for a stated reason.
KNOWN_DIFFERENCES = {
    # Cumbria (URN 135513 in the D2I LA lookup) existed until 31 March 2023, but the D2I
    # history holds no report of an LA that no longer exists: the scrape covers today's LAs
    # only. As at 31 March 2023 the source therefore has 151 graded LAs where Ofsted had 152;
    # test_cumbria_explains_2023 shows one more graded LA gives the published percentages.
    "earlier_as_at.2023-03-31.n": "Cumbria's inspection is not in the source",
    "earlier_as_at.2023-03-31.percent.outstanding": "Cumbria's inspection is not in the source",
    # As at 31 March 2022 thirteen LAs' most recent graded inspection was under the single
    # inspection framework (2014-2017); the source could not read those reports (its rows
    # before 2018 are data_unreadable) and the reports are not in the reports folder, so no
    # correction can be evidenced. With Cumbria, 14 LAs: 136 + 14 = 150 published.
    **{
        f"earlier_as_at.2022-03-31.{k}": "SIF judgements of 13 LAs unreadable in the source, "
        "and Cumbria absent"
        for k in (
            "n",
            "percent.outstanding",
            "percent.good",
            "percent.requires_improvement",
            "percent.inadequate",
            "good_or_outstanding_percent",
        )
    },
    # Sub-judgements: the published counts differ from the records by one LA in help and
    # protection (requires improvement, where the record says good or outstanding), children
    # in care (good, where the record says requires improvement) and care leavers
    # (outstanding, where the record says requires improvement). Every 2023-24 record whose
    # report is in the reports folder agrees with its report (test_reports: verify), and the
    # overall effectiveness of every LA agrees with the publication, so the difference lies in
    # records of reports not in the folder: it cannot be evidenced or corrected here.
    "sub_judgements.help_and_protection.percent.requires_improvement": "one record of a report not in the folder",
    "sub_judgements.help_and_protection.good_or_outstanding_percent": "one record of a report not in the folder",
    "sub_judgements.children_in_care.good_or_outstanding_percent": "one record of a report not in the folder",
    "sub_judgements.care_leavers.percent.outstanding": "one record of a report not in the folder",
    "sub_judgements.care_leavers.percent.requires_improvement": "one record of a report not in the folder",
    "sub_judgements.care_leavers.good_or_outstanding_percent": "one record of a report not in the folder",
    "care_leavers_vs_children_in_care.different": "one record of a report not in the folder",
    "care_leavers_vs_children_in_care.different_percent": "one record of a report not in the folder",
}


def compare(expected: Any, actual: Any, path: str = "") -> tuple[list[str], list[str], list[str]]:
    """(matched, mismatched, not covered) figure paths, as shared/tools/compare_figures.py."""
    matched: list[str] = []
    mismatched: list[str] = []
    uncovered: list[str] = []
    if isinstance(expected, dict):
        for k, v in expected.items():
            if k.startswith("_"):
                continue
            sub = actual.get(k) if isinstance(actual, dict) else None
            m, mm, u = compare(v, sub, f"{path}.{k}" if path else k)
            matched += m
            mismatched += mm
            uncovered += u
    elif isinstance(expected, list):
        (
            matched
            if isinstance(actual, list) and sorted(map(str, actual)) == sorted(map(str, expected))
            else mismatched
        ).append(path)
    elif expected is None:
        (matched if actual in (None, 0) else mismatched).append(path)
    elif actual is None:
        uncovered.append(path)
    else:
        (matched if expected == actual else mismatched).append(path)
    return matched, mismatched, uncovered


@pytest.fixture(scope="module")
def published(shared: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (shared / "spec" / "published" / "ilacs_2024.json").read_text(encoding="utf-8")
    )
    return data


@pytest.fixture(scope="module")
def figures(shared: Path) -> dict[str, Any]:
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "inspection_outcomes",
            "figures",
            "--as-at",
            "2024-03-31",
            "--compare",
            "first",
            "--source",
            f"d2i:{shared / 'data' / 'ilacs' / 'ofsted_csc_ilacs_history.csv'}",
            "--corrections",
            str(ROOT / "corrections" / "d2i-ilacs.csv"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    data: dict[str, Any] = json.loads(p.stdout)
    return data


def test_every_supported_figure_equals_the_publication(
    published: dict[str, Any], figures: dict[str, Any]
) -> None:
    matched, mismatched, _ = compare(published, figures)
    assert sorted(mismatched) == sorted(KNOWN_DIFFERENCES), (
        "unexpected: "
        + ", ".join(sorted(set(mismatched) - set(KNOWN_DIFFERENCES)))
        + "; now matching (remove from KNOWN_DIFFERENCES): "
        + ", ".join(sorted(set(KNOWN_DIFFERENCES) - set(mismatched)))
    )
    assert len(matched) >= 117


def test_what_the_source_cannot_support_is_null(
    published: dict[str, Any], figures: dict[str, Any]
) -> None:
    """Focused and monitoring visits are not in the D2I source: null, never 0."""
    _, _, uncovered = compare(published, figures)
    assert uncovered and all(
        p.startswith(
            (
                "in_year.visits",
                "in_year.las_visited",
                "in_year.by_type.focused_visit",
                "in_year.by_type.monitoring_visit",
                "in_year.focused_visits",
                "in_year.monitoring_visits",
            )
        )
        for p in uncovered
    )
    assert figures["coverage"] == [
        "standard_inspection",
        "short_inspection",
        "sif_inspection",
        "cpi_inspection",
    ]


def test_headline_figures(figures: dict[str, Any]) -> None:
    oe = figures["overall_effectiveness"]
    assert oe["counts"] == {
        "outstanding": 30,
        "good": 61,
        "requires_improvement": 43,
        "inadequate": 17,
    }
    assert figures["local_authorities"]["not_yet_graded"] == [
        "Cumberland",
        "Westmorland and Furness",
    ]


def test_cumbria_explains_2023(figures: dict[str, Any], published: dict[str, Any]) -> None:
    """Adding one graded LA (Cumbria, good or worse) to the source's 2023 counts gives every
    published 2023 percentage: the only difference is the missing LA."""
    e = figures["earlier_as_at"]["2023-03-31"]
    assert "Cumbria" in e["local_authorities"]["not_yet_graded"]
    counts = dict(e["counts"])
    counts["good"] += 1
    n = e["n"] + 1
    pub = published["earlier_as_at"]["2023-03-31"]
    assert n == pub["n"]
    assert {j: percent(counts[j], n) for j in JUDGEMENTS} == pub["percent"]


def test_2022_gap_is_the_unreadable_sif_judgements(
    figures: dict[str, Any], published: dict[str, Any]
) -> None:
    e = figures["earlier_as_at"]["2022-03-31"]
    las = e["local_authorities"]
    assert len(las["judgement_not_in_source"]) == 13
    assert "Cumbria" in las["not_yet_graded"]
    assert (
        e["n"] + len(las["judgement_not_in_source"]) + 1
        == published["earlier_as_at"]["2022-03-31"]["n"]
    )


def test_corrections_all_applied(figures: dict[str, Any]) -> None:
    ledger = (ROOT / "corrections" / "d2i-ilacs.csv").read_text(encoding="utf-8")
    assert figures["corrections_applied"] == len(ledger.strip().splitlines()) - 1
