"""Comparative sentences ("highest in ..., lowest in ...") follow one tie-aware rule everywhere:
a tie is never broken, every region or area with the highest (or lowest) value is named."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from inspection_outcomes.core.sentences import check_numbers, extremes
from inspection_outcomes.publications.la_outcomes.findings import (
    build_findings,
    regional,
    sub_judgements,
)
from inspection_outcomes.publications.la_outcomes.findings.shared import AREA_PHRASES
from tests.test_findings_support import published_figures


def test_ties_are_all_named_in_the_given_order() -> None:
    ext = extremes({"b": 3, "a": 5, "c": 5, "d": None, "e": 3})
    assert ext is not None
    assert (ext.highest, ext.highest_keys, ext.lowest, ext.lowest_keys) == (
        5,
        ("a", "c"),
        3,
        ("b", "e"),
    )
    assert not ext.all_equal
    same = extremes({"x": 1, "y": 1})
    assert same is not None and same.all_equal
    assert extremes({"x": 1, "y": None}) is None


def _figures(shared: Path) -> dict[str, Any]:
    return copy.deepcopy(published_figures(shared))


def test_regions_tied_at_the_top_are_all_named(shared: Path) -> None:
    f = _figures(shared)
    regions = f["by_region"]
    top = max(r["good_or_outstanding_percent"] for r in regions.values())
    tied = sorted(regions)[:2]
    for name in tied:
        regions[name]["good_or_outstanding_percent"] = top
    s = regional.key_message(f)
    assert s is not None
    for name in tied:
        assert name in s.text.split("highest in", 1)[1].split("(")[0]
    findings = build_findings(f)
    assert check_numbers(findings, f) == []


def test_areas_tied_are_all_named(shared: Path) -> None:
    f = _figures(shared)
    sub = f["sub_judgements"]
    best = max(
        v["good_or_outstanding_percent"]
        for v in sub.values()
        if v.get("good_or_outstanding_percent") is not None
    )
    sub["help_and_protection"]["good_or_outstanding_percent"] = best
    sub["children_in_care"]["good_or_outstanding_percent"] = best
    s = sub_judgements.key_message(f)
    assert s is not None
    highest = s.text.split("while", 1)[1]
    tied = [a for a, v in sub.items() if v.get("good_or_outstanding_percent") == best]
    assert {"help_and_protection", "children_in_care"} <= set(tied)
    for area in tied:
        assert AREA_PHRASES[area] in highest, area
    assert check_numbers(build_findings(f), f) == []


def test_providers_regions_tied_are_all_named() -> None:
    from inspection_outcomes.publications.providers import common as pc
    from inspection_outcomes.publications.providers.findings import build_providers_findings
    from tests.providers_support import ODS_2025, data_file
    from tests.test_providers_release import _figures_2025

    f = _figures_2025()
    block = f["by_region"]["latest_overall_effectiveness"]
    shares = {
        r: pc.share(
            pc.best_two(block[r]["all_childrens_homes"]), pc.total(block[r]["all_childrens_homes"])
        )
        for r in pc.REGIONS
        if r in block
    }
    top = max(v for v in shares.values() if v is not None)
    tops = [r for r, v in shares.items() if v == top]
    text = " ".join(s.text for s in build_providers_findings(f).sentences())
    sentence = text.split("By region, the share of children’s homes", 1)[1].split(".")[0]
    highest = sentence.split("highest in", 1)[1].split("(")[0]
    assert data_file(ODS_2025).is_file()
    for region in tops:
        assert region in highest, (region, sentence)
