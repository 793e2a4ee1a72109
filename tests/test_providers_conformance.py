"""Ofsted's published provider tables (providers_2024.json) reproduced from the real data."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date
from typing import Any

import pytest

from inspection_outcomes.model import providers as pm
from inspection_outcomes.model.ees_geography import regions as ons_regions
from inspection_outcomes.model.scale import JUDGEMENTS, SUPPORTED_ACCOMMODATION_JUDGEMENTS
from inspection_outcomes.publications.providers.figures import build_figures
from tests.providers_support import (
    CSV_2024,
    ODS_2025,
    at,
    data_file,
    figure_paths,
    published,
    run_cli,
    source,
)

pytestmark = pytest.mark.shared

#: Published figures the data cannot reproduce, each with its evidence. None today: every
#: figure of tables 8a-8n and 9a-9e comes out equal.
KNOWN_DIFFERENCES: dict[str, str] = {}


@pytest.fixture(scope="module")
def figures_2024() -> dict[str, Any]:
    return build_figures(
        source(CSV_2024), date(2024, 3, 31), source(ODS_2025), allow_other_period=True
    )


@pytest.fixture(scope="module")
def figures_2025() -> dict[str, Any]:
    return build_figures(source(ODS_2025), date(2025, 3, 31))


def test_every_published_figure_is_reproduced(figures_2024: dict[str, Any]) -> None:
    expected = published()
    paths = figure_paths(expected)
    assert len(paths) >= 80
    wrong = {
        p: (at(expected, p), at(figures_2024, p))
        for p in paths
        if at(figures_2024, p) != at(expected, p) and p not in KNOWN_DIFFERENCES
    }
    assert wrong == {}
    for p in KNOWN_DIFFERENCES:
        assert at(figures_2024, p) != at(expected, p), f"{p} now matches: drop it from the list"


def test_cli_json_is_the_same_figures_sorted_and_indented(
    monkeypatch: pytest.MonkeyPatch, figures_2024: dict[str, Any]
) -> None:
    args = [
        "--as-at",
        "2024-03-31",
        "--source",
        f"ofsted-providers:{data_file(CSV_2024)}",
        "--in-year-source",
        f"ofsted-providers:{data_file(ODS_2025)}",
        "--allow-other-period",
        "--format",
        "json",
    ]
    first = run_cli(monkeypatch, *args)
    second = run_cli(monkeypatch, *args)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout  # deterministic
    assert (
        first.stdout
        == json.dumps(figures_2024, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    )


def test_graded_monitoring_inspections_count_as_full_inspections() -> None:
    """Evidence for the in-year rule (store/models/providers/in_year_overall_effectiveness.sql).

    Ofsted's 2024 provider list gives one provider a monitoring inspection, graded, as its
    "latest full inspection"; and the published 2024-25 counts of children's homes are the
    full inspections plus the two monitoring inspections the data record with judgements.
    """
    latest = [
        p
        for p in source(CSV_2024).providers or []
        if p.latest_event_type == "monitoring_inspection"
    ]
    assert len(latest) == 1 and latest[0].overall is not None
    events = source(ODS_2025).events or []
    homes = [e for e in events if e.provision_type == "childrens_home" and e.overall]
    by_type = {
        t: sorted(e.overall for e in homes if e.event_type == t and e.overall)
        for t in ("full_inspection", "monitoring_inspection")
    }
    assert by_type["monitoring_inspection"] == ["good", "requires_improvement"]
    full_only = {j: by_type["full_inspection"].count(j) for j in JUDGEMENTS}
    expected = published()["in_year_overall_effectiveness"]["groups"]["childrens_homes"]
    assert full_only != expected
    assert {
        j: n + by_type["monitoring_inspection"].count(j) for j, n in full_only.items()
    } == expected


def test_in_year_figures_from_the_ods_alone(figures_2025: dict[str, Any]) -> None:
    expected = published()["in_year_overall_effectiveness"]
    got = figures_2025["in_year_overall_effectiveness"]
    assert (got["period"], got["start"], got["end"]) == ("2024-25", "2024-04-01", "2025-03-31")
    for group, counts in expected["groups"].items():
        assert got["groups"][group] == counts


def test_figures_as_at_31_march_2025_agree_with_the_sheets(figures_2025: dict[str, Any]) -> None:
    src = source(ODS_2025)
    latest = figures_2025["latest_overall_effectiveness"]
    assert latest["as_at"] == "2025-03-31"
    groups = latest["groups"]
    # all children's homes = the three kinds of home; all providers = every four-point group
    for j in JUDGEMENTS:
        assert groups["all_childrens_homes"][j] == sum(
            groups[g][j]
            for g in (
                "childrens_homes",
                "secure_childrens_homes",
                "residential_special_schools_registered_as_childrens_homes",
            )
        )
        assert groups["all_providers"][j] == sum(
            groups[g][j]
            for g in pm.GROUPS[2:]
            if g not in pm.SA_GROUPS and g not in ("all_childrens_homes",)
        )
        assert groups["all_providers"][j] == sum(1 for p in src.providers or [] if p.overall == j)
    sa = groups["supported_accommodation"]
    assert list(sa) == list(SUPPORTED_ACCOMMODATION_JUDGEMENTS)
    assert sum(sa.values()) == sum(1 for p in src.providers or [] if p.sa_outcome) > 0
    pp = figures_2025["providers_and_places"]
    register = src.register or []
    assert pp["providers"]["all_providers"] == len(register) > 0
    assert pp["places"]["all_providers"] == sum(r.places or 0 for r in register)
    assert pp["places"]["independent_fostering_agencies"] is None  # agencies have no places
    jl = figures_2025["joiners_and_leavers"]
    assert jl["joiners"]["all_providers"] == sum(j.joiner for j in src.joiners_leavers or [])
    assert jl["leavers"]["all_providers"] == sum(j.leaver for j in src.joiners_leavers or [])
    assert (jl["start"], jl["end"]) == ("2024-04-01", "2025-03-31")


def test_breakdowns_add_up(figures_2025: dict[str, Any]) -> None:
    total = figures_2025["latest_overall_effectiveness"]["groups"]
    for section in ("by_sector", "by_region", "by_local_authority"):
        parts = figures_2025[section]["latest_overall_effectiveness"]
        for group in figures_2025[section].get("groups") or pm.GROUPS:
            for j in total[group]:
                assert sum(p[group][j] for p in parts.values()) == total[group][j], (
                    section,
                    group,
                    j,
                )
        providers = figures_2025[section]["providers"]
        assert (
            sum(p["all_providers"] for p in providers.values())
            == figures_2025["providers_and_places"]["providers"]["all_providers"]
        )
    assert set(figures_2025["by_region"]["providers"]) >= {
        "East Midlands",
        "East of England",
        "London",
        "North East, Yorkshire and the Humber",
        "North West",
        "South East",
        "South West",
        "West Midlands",
    }


def test_sector_rule_moves_trust_homes_from_voluntary_to_la() -> None:
    src = source(ODS_2025)
    on = build_figures(src, date(2025, 3, 31), sector_rule=pm.SectorRule("trusts_as_la"))
    off = build_figures(src, date(2025, 3, 31), sector_rule=pm.SectorRule("as_recorded"))
    moved = sum(1 for p in src.providers or [] if p.la_trust and p.sector == "voluntary")
    assert moved > 0
    assert on["by_sector"]["providers_reclassified"] == moved
    assert off["by_sector"]["providers_reclassified"] == 0
    assert (on["rules"]["sector"], off["rules"]["sector"]) == ("trusts_as_la", "as_recorded")
    la_on = on["by_sector"]["providers"]["local_authority"]["all_providers"]
    la_off = off["by_sector"]["providers"]["local_authority"]["all_providers"]
    vol_on = on["by_sector"]["providers"]["voluntary"]["all_providers"]
    vol_off = off["by_sector"]["providers"]["voluntary"]["all_providers"]
    moved_register = sum(1 for p in src.register or [] if p.la_trust and p.sector == "voluntary")
    assert la_on - la_off == vol_off - vol_on == moved_register > 0
    # headline figures do not depend on the sector rule
    assert on["latest_overall_effectiveness"] == off["latest_overall_effectiveness"]


def test_the_2024_csvs_places_column_feeds_the_providers_and_places_tables() -> None:
    """The latest-inspection table of the 2024 CSV also carries registration (Places): its
    providers and places are counted, as the file itself adds up."""
    path = data_file(CSV_2024)
    with path.open(encoding="cp1252", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[3]
    body = [r for r in rows[4:] if r and r[header.index("URN")]]
    places = sum(int(p) for r in body if (p := r[header.index("Places")].strip()))
    figs = build_figures(source(CSV_2024), date(2024, 3, 31))
    pp = figs["providers_and_places"]
    assert (pp["providers"]["all_providers"], pp["places"]["all_providers"]) == (len(body), places)
    assert (len(body), places) == (3876, 29663)
    by_region = figs["by_ons_region"]["providers"]
    gor = Counter(r[header.index("Government Office Region")] for r in body)
    names = {r.code: r.name for r in ons_regions()}
    assert {names[c]: v["all_providers"] for c, v in by_region.items()} == dict(gor)


def test_what_the_2024_csv_cannot_support_is_null() -> None:
    figs = build_figures(source(CSV_2024), date(2024, 3, 31))
    assert figs["latest_overall_effectiveness"]["groups"]["supported_accommodation"] == {
        j: None for j in SUPPORTED_ACCOMMODATION_JUDGEMENTS
    }
    in_year = figs["in_year_overall_effectiveness"]
    assert (in_year["start"], in_year["end"], in_year["period"]) == (
        "2023-04-01",
        "2024-03-31",
        "2023-24",
    )
    assert all(v is None for g in in_year["groups"].values() for v in g.values())
    assert set(figs["joiners_and_leavers"]["joiners"].values()) == {None}
    assert figs["latest_overall_effectiveness"]["groups"]["childrens_homes"]["good"] > 0


def test_period_options_narrow_the_in_year_figures() -> None:
    src = source(ODS_2025)
    half = build_figures(src, date(2025, 3, 31), period_start=date(2024, 10, 1))
    whole = build_figures(src, date(2025, 3, 31))
    got = half["in_year_overall_effectiveness"]
    assert (got["period"], got["start"], got["end"]) == (
        "2024-10-01 to 2025-03-31",
        "2024-10-01",
        "2025-03-31",
    )
    expected = {
        j: sum(
            1
            for e in src.events or []
            if e.provision_type == "childrens_home"
            and e.overall == j
            and e.inspection_date
            and e.inspection_date >= date(2024, 10, 1)
        )
        for j in JUDGEMENTS
    }
    assert got["groups"]["childrens_homes"] == expected
    assert sum(expected.values()) < sum(
        whole["in_year_overall_effectiveness"]["groups"]["childrens_homes"].values()
    )
