"""`outcomes la NAME`: the command on the real data, its errors, and its JSON against the
schema documented in docs/la-profile.md."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.engine_helpers import event, write_canonical
from tests.test_bad_input import assert_one_line_error, run

DOC = ROOT / "docs" / "la-profile.md"


def real(shared: Path) -> list[str]:
    history = shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    return [
        "--source",
        f"d2i:{history}",
        "--corrections",
        str(ROOT / "corrections" / "d2i-ilacs.csv"),
    ]


def la(
    shared: Path, name: str, as_at: str = "2024-03-31", *extra: str
) -> subprocess.CompletedProcess[str]:
    return run("la", name, "--as-at", as_at, *real(shared), *extra)


def la_json(shared: Path, name: str, as_at: str = "2024-03-31") -> dict[str, Any]:
    shown = la(shared, name, as_at, "--format", "json")
    assert shown.returncode == 0, shown.stderr
    data: dict[str, Any] = json.loads(shown.stdout)
    return data


def test_a_misspelt_name_exits_2_with_the_nearest_match(shared: Path) -> None:
    shown = la(shared, "Kentt")
    assert_one_line_error(shown, "no local authority 'Kentt' (did you mean Kent or Brent?)")


def test_a_bad_neighbours_file_exits_2(shared: Path, tmp_path: Path) -> None:
    shown = la(shared, "Kent", "2024-03-31", "--neighbours", str(tmp_path / "none.csv"))
    assert shown.returncode == 2 and "none.csv: cannot be read" in shown.stderr


def test_json_of_an_la_judged_inadequate(shared: Path) -> None:
    data = la_json(shared, "bournemouth christchurch & poole")
    assert data["la"]["la_code"] == "E06000058" and data["existence"] == "exists"
    latest = data["latest_inspection"]
    assert (latest["start_date"], latest["judgements"]["overall_effectiveness"]) == (
        "2021-12-06",
        "inadequate",
    )
    assert data["next_inspection"]["rule"]["rule"] == "inadequate"
    assert data["standing"]["england"]["quartile"] == "D"
    assert data["source"]["corrections_applied"] > 0
    # deterministic: sorted keys, the same bytes each time
    again = la(shared, "BCP", "2024-03-31", "--format", "json").stdout
    assert json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == again


def test_the_table_of_an_la_judged_good(shared: Path) -> None:
    shown = la(shared, "birmingham")
    assert shown.returncode == 0, shown.stderr
    out = " ".join(shown.stdout.split())
    assert out.startswith("Birmingham GSS code E08000025 · LA code 330")
    assert "20 February 2023" in out and "3 December 2018" in out
    assert "The framework's rule: Judged good or outstanding: a short inspection" in out
    assert "Window: 20 August 2025 to 20 August 2026. The window has not opened yet." in out
    assert "What the history shows: Gaps after an inspection under ILACS" in out
    assert "Statistical neighbours" in out


def test_an_la_not_yet_inspected(shared: Path) -> None:
    out = " ".join(la(shared, "Cumberland").stdout.split())
    assert "Created on 1 April 2023 from Cumbria." in out
    assert "Not yet inspected: the source holds no graded inspection as at the date." in out
    assert "365 days since its creation (1 April 2023)" in out
    out_2023 = " ".join(la(shared, "Cumbria", "2023-03-31").stdout.split())
    assert "Not yet inspected" in out_2023
    assert "The source holds no graded inspection of this LA to count from." in out_2023


def test_las_that_do_not_exist_at_the_date(shared: Path) -> None:
    gone = " ".join(la(shared, "Cumbria").stdout.split())
    assert (
        "No longer existed on 31 March 2024: its last day was 31 March 2023; its "
        "successors: Cumberland and Westmorland and Furness."
    ) in gone
    assert "Next inspection" not in gone
    early = " ".join(la(shared, "Westmorland and Furness", "2022-03-31").stdout.split())
    assert "Did not exist yet on 31 March 2022: created on 1 April 2023 from Cumbria." in early
    data = la_json(shared, "E06000064", "2022-03-31")
    assert data["existence"] == "not_yet_created" and data["next_inspection"] is None


def test_a_canonical_source_says_neighbours_are_not_available(tmp_path: Path) -> None:
    src = write_canonical(tmp_path / "e.csv", [event(1, "E10000016", "2022-05-09", "2022-07-05")])
    shown = run("la", "Kent", "--as-at", "2024-03-31", "--source", f"canonical:{src}")
    assert shown.returncode == 0, shown.stderr
    assert "Statistical neighbours are not available" in " ".join(shown.stdout.split())


# --- the documented schema ------------------------------------------------------------------


def documented() -> dict[str, dict[str, str]]:
    """Each section of docs/la-profile.md (an object) with its fields and their types."""
    sections: dict[str, dict[str, str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.fullmatch(r"## `(\w+)`", line)
        if heading:
            current = sections.setdefault(heading.group(1), {})
        elif current is not None and line.startswith("| `"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            current[cells[0].strip("`")] = cells[1]
    return sections


def check_object(
    value: dict[str, Any], section: str, docs: dict[str, dict[str, str]], seen: set[str], where: str
) -> None:
    """The object's keys are the section's fields; each field whose type names a section is
    checked against it (in lists, each item)."""
    seen.add(section)
    assert set(value) == set(docs[section]), f"{where}: {set(value) ^ set(docs[section])}"
    for field, kind in docs[section].items():
        inner = re.search(r"`(\w+)`", kind)
        item = value[field]
        if inner is None or item is None:
            continue
        for i, one in enumerate(item if kind.startswith("list of") else [item]):
            check_object(one, inner.group(1), docs, seen, f"{where}.{field}[{i}]")


def test_documented_fields_are_the_produced_ones(shared: Path) -> None:
    docs = documented()
    seen: set[str] = set()
    for name, as_at in (
        ("Birmingham", "2024-03-31"),
        ("BCP", "2024-03-31"),
        ("Cumberland", "2024-03-31"),
        ("Cumbria", "2024-03-31"),
        ("Westmorland and Furness", "2022-03-31"),
    ):
        check_object(la_json(shared, name, as_at), "profile", docs, seen, name)
    assert seen == set(docs), f"sections never produced: {set(docs) - seen}"


@pytest.mark.parametrize("name", ["Kent", "E10000016", "886", "80476"])
def test_names_and_codes_give_the_same_profile(shared: Path, name: str) -> None:
    data = la_json(shared, name, "2025-03-31")
    assert data["la"]["name"] == "Kent"
    assert data["latest_inspection"]["start_date"] == "2022-05-09"
    assert date.fromisoformat(data["as_at"]) == date(2025, 3, 31)


def test_dates_that_are_bounds_are_said_as_bounds(shared: Path) -> None:
    """Cumbria's 2017 inspection enters from the additions ledger with the year only: its
    dates are the latest the evidence allows, and the profile says "by", never the day as
    if it were known; the 2015 inspection's stated dates stand as they are."""
    additions = ("--additions", str(ROOT / "corrections" / "additions.csv"))
    shown = la(shared, "Cumbria", "2022-03-31", *additions, "--format", "json")
    assert shown.returncode == 0, shown.stderr
    profile = json.loads(shown.stdout)
    latest, previous = profile["latest_inspection"], profile["previous_inspection"]
    assert (latest["start_date"], latest["dates_are_bounds"]) == ("2017-12-31", True)
    assert (previous["start_date"], previous["dates_are_bounds"]) == ("2015-03-03", False)
    text = la(shared, "Cumbria", "2022-03-31", *additions).stdout
    flat = " ".join(text.split())
    assert "by 31 December 2017" in flat and "by 22 July 2018" in flat
    assert "3 March 2015" in flat and "by 3 March 2015" not in flat
    assert "additions ledger additions.csv (secondary sources)" in flat
    plain = la_json(shared, "Cumbria", "2022-03-31")
    assert all(not e["dates_are_bounds"] for e in plain["history"])


def test_an_la_that_no_longer_exists_keeps_its_history(shared: Path) -> None:
    """Northamptonshire (until 31 March 2021) is in neither the scrape nor the reports
    folder: as at its last 31 March its latest graded inspection is the June 2019 standard
    inspection from the additions ledger (stated dates), its previous the 2016 SIF
    inspection (bounds), and both reach the profile with the sources named."""
    additions = ("--additions", str(ROOT / "corrections" / "additions.csv"))
    shown = la(shared, "Northamptonshire", "2021-03-31", *additions, "--format", "json")
    assert shown.returncode == 0, shown.stderr
    profile = json.loads(shown.stdout)
    latest, previous = profile["latest_inspection"], profile["previous_inspection"]
    assert (latest["event_type"], latest["framework"]) == ("standard_inspection", "ilacs_2018")
    assert (latest["start_date"], latest["end_date"]) == ("2019-06-17", "2019-06-28")
    assert latest["judgements"]["overall_effectiveness"] == "inadequate"
    assert latest["judgements"]["impact_of_leaders"] == "requires_improvement"
    assert not latest["dates_are_bounds"] and previous["dates_are_bounds"]
    assert previous["framework"] == "sif"
    flat = " ".join(la(shared, "Northamptonshire", "2021-03-31", *additions).stdout.split())
    assert "17 June 2019" in flat and "by 17 June 2019" not in flat
    # 2016: the inspection's days are bounds, the publication date is stated
    assert previous["bound_dates"] == ["start_date", "end_date"]
    assert "by 29 February 2016" in flat
    assert "27 April 2016" in flat and "by 27 April 2016" not in flat
    without = la_json(shared, "Northamptonshire", "2021-03-31")
    assert without["latest_inspection"] is None


def test_only_the_dates_that_are_bounds_are_said_as_bounds(shared: Path) -> None:
    """Cumbria's 2022 inspection: its days are stated (20 to 30 September 2022), its
    publication date a bound (by 22 November 2022, the day it was reported)."""
    additions = ("--additions", str(ROOT / "corrections" / "additions.csv"))
    shown = la(shared, "Cumbria", "2023-03-31", *additions, "--format", "json")
    assert shown.returncode == 0, shown.stderr
    latest = json.loads(shown.stdout)["latest_inspection"]
    assert (latest["start_date"], latest["bound_dates"]) == ("2022-09-20", ["publication_date"])
    flat = " ".join(la(shared, "Cumbria", "2023-03-31", *additions).stdout.split())
    assert "20 September 2022" in flat and "by 20 September 2022" not in flat
    assert "by 22 November 2022" in flat
