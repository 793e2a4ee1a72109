"""The providers release's text agrees with its tables (2025, from the ODS): each count in a
sentence is the count of the table it cites, with the same definition; no percentage on too
few providers; the rounding of the share good or outstanding stated."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from inspection_outcomes.publications.providers.common import MIN_FOR_PERCENT


def _text(path: Path) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text("utf-8"))))


def _total(block: dict[str, Any]) -> int:
    return sum(v for v in block.values() if isinstance(v, int))


def test_in_year_counts_are_those_of_the_tables(releases: dict[str, Path]) -> None:
    folder = releases["providers-2025"]
    f = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    iy = f["in_year_overall_effectiveness"]
    text = _text(folder / "index.html")
    homes = _total(iy["groups"]["all_childrens_homes"])
    full_homes = iy["events_by_type"]["all_childrens_homes"]["full_inspection"]
    assert (homes, full_homes) == (3635, 3633)  # 2 monitoring inspections carry judgements
    assert f"of the {homes:,} inspections of children’s homes with a judgement" in text
    assert f"{homes:,} full inspections" not in text
    judged = _total(iy["groups"]["all_providers"])
    sa = iy["events_by_type"]["supported_accommodation"]["full_inspection"]
    full = iy["events_by_type"]["all_providers"]["full_inspection"]
    assert (
        f"providers had {full:,} full inspections, {sa} of them of supported accommodation" in text
    )
    assert f"Of the {judged:,} inspections with a judgement on the four-point scale" in text


def test_no_percentage_on_too_few_providers(releases: dict[str, Path]) -> None:
    folder = releases["providers-2025"]
    f = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    text = _text(folder / "index.html")
    latest = f["latest_overall_effectiveness"]["groups"]
    few = [g for g, block in latest.items() if 0 < _total(block) < MIN_FOR_PERCENT]
    assert "secure_training_centres" in few
    assert "Secure training centres: 1 with a judgement, too few for a percentage" in text
    assert not re.search(r"Secure training centres: \d+%", text)
    assert "(1 providers)" not in text and "(1 homes)" not in text
    methodology = _text(folder / "methodology.html")
    assert f"fewer than {MIN_FOR_PERCENT} providers with a judgement" in methodology
    assert "can differ by 1 from the sum of the two rounded percentages" in methodology


def test_the_trusts_sentence_says_what_it_counts(releases: dict[str, Path]) -> None:
    text = _text(releases["providers-2025"] / "index.html")
    assert re.search(r"\d+ providers on the register are counted this way", text)


def test_sections_the_source_holds_nothing_for_are_left_out(releases: dict[str, Path]) -> None:
    """From the 2024 CSV (no in-year data, one register): no empty section, nor its contents
    entry; what is absent said once."""
    page = (releases["providers-2024"] / "index.html").read_text(encoding="utf-8")
    text = _text(releases["providers-2024"] / "index.html")
    assert 'href="#in-year"' not in page and 'id="in-year"' not in page
    assert "Joiners and leavers" not in text.split("Key messages")[0]
    assert text.count("This release does not report") == 1
    said = re.search(r"This release does not report [^.]*\.", text)
    assert said, "what is absent"
    for what in ("inspections in the year", "joiners and leavers", "change over time"):
        assert what in said[0]
    assert "no earlier register was given" in said[0]
    assert "no earlier year's provider-level data were given" in said[0]
    full = _text(releases["providers-2025"] / "index.html")
    assert (
        "not reported" not in full
        and "does not report" not in full
        and 'id="in-year"'
        in (releases["providers-2025"] / "index.html").read_text(encoding="utf-8")
    )
