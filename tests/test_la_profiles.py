"""The LA explorer's engine: every LA's profile as at a date, on named real LAs (the judgements
and dates their records hold) and on small canonical sources for the rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from inspection_outcomes.errors import InputError
from inspection_outcomes.model.events import COLUMNS
from inspection_outcomes.model.schedule import rule_named, schedule_rules
from inspection_outcomes.publications.la_outcomes.engine import open_warehouse
from inspection_outcomes.publications.la_outcomes.figures import compute_figures
from inspection_outcomes.publications.la_outcomes.profiles.build import (
    CEASED,
    EXISTS,
    NOT_YET_CREATED,
    LaProfile,
    Profiles,
    build_profiles,
)
from inspection_outcomes.publications.la_outcomes.profiles.directory import LaDirectory
from inspection_outcomes.publications.la_outcomes.profiles.gaps import GapRow, observed_gaps
from inspection_outcomes.publications.la_outcomes.profiles.neighbours import (
    HEX_MAP,
    NOT_AVAILABLE,
    STATISTICAL,
    neighbour_source,
)
from inspection_outcomes.publications.la_outcomes.profiles.next_inspection import (
    NO_INSPECTION_HELD,
)
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from inspection_outcomes.store.inspections import Warehouse
from tests.conftest import ROOT
from tests.engine_helpers import event, write_canonical

BCP = "E06000058"
BIRMINGHAM = "E08000025"
CUMBRIA = "E10000006"
CUMBERLAND = "E06000063"
WESTMORLAND = "E06000064"
KENT = "E10000016"
AS_AT = date(2024, 3, 31)


@pytest.fixture(scope="module")
def real(shared: Path) -> Warehouse:
    history = shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    return open_warehouse(f"d2i:{history}", ROOT / "corrections" / "d2i-ilacs.csv")


def profiles_of(wh: Warehouse, day: date = AS_AT, only: list[str] | None = None) -> Profiles:
    directory = LaDirectory.of(wh)
    return build_profiles(
        wh,
        ReleaseSpec.for_date(day),
        neighbour_source(wh, directory),
        directory=directory,
        only=only,
    )


@pytest.fixture(scope="module")
def every_la(real: Warehouse) -> Profiles:
    return profiles_of(real)


def profile(wh: Warehouse, code: str, day: date = AS_AT) -> LaProfile:
    return profiles_of(wh, day, [code]).profiles[code]


def test_names_codes_and_urns_find_the_la(real: Warehouse) -> None:
    directory = LaDirectory.of(real)
    for text in ("Kent", "KENT", " kent ", "E10000016", "e10000016", "886", "80476"):
        assert directory.find(text, AS_AT).la_code == KENT, text
    assert directory.find("bournemouth, christchurch & poole", AS_AT).la_code == BCP
    assert directory.find("BCP", AS_AT).la_code == BCP
    # two LAs have been called Dorset: the one existing at the date
    assert directory.find("Dorset", date(2018, 3, 31)).la_code == "E10000009"
    assert directory.find("Dorset", AS_AT).la_code == "E06000059"
    # a former GSS code finds the LA recoded
    assert directory.find("E08000016", AS_AT).name == "Barnsley"


def test_a_misspelt_name_is_refused_with_the_nearest_names(real: Warehouse) -> None:
    with pytest.raises(InputError) as e:
        LaDirectory.of(real).find("Kentt", AS_AT)
    assert str(e.value).startswith("no local authority 'Kentt' (did you mean Kent")
    with pytest.raises(InputError, match="give a name, a GSS code"):
        LaDirectory.of(real).find("Qqqqqq", AS_AT)


def test_an_la_judged_inadequate(real: Warehouse) -> None:
    """Bournemouth, Christchurch and Poole as at 31 March 2024: inadequate at its standard
    inspection of 6 to 17 December 2021 (published 11 February 2022), its first as an LA."""
    p = profile(real, BCP)
    latest = p.latest_inspection
    assert latest is not None and p.previous_inspection is None
    assert (latest.event_type, latest.framework) == ("standard_inspection", "ilacs_2018")
    assert (latest.start_date, latest.end_date, latest.publication_date) == (
        date(2021, 12, 6),
        date(2021, 12, 17),
        date(2022, 2, 11),
    )
    assert dict(latest.judgements) == {
        "overall_effectiveness": "inadequate",
        "impact_of_leaders": "inadequate",
        "help_and_protection": "inadequate",
        "children_in_care": "requires_improvement",
    }
    change = p.structural_change
    assert change is not None and change.created_on == date(2019, 4, 1)
    assert [r.name for r in change.predecessors] == ["Bournemouth", "Poole", "Dorset"]
    assert p.next_inspection is not None
    rule = p.next_inspection.rule
    assert (rule.rule, rule.next_event, rule.position) == (
        "inadequate",
        "monitoring_visits_then_standard_inspection",
        "no_fixed_window",
    )
    assert rule.counted_from_date == date(2021, 12, 6)
    assert rule.days_since == (AS_AT - date(2021, 12, 6)).days
    assert rule.quote == rule_named("inadequate").quote


def test_an_la_judged_good_with_the_previous_inspection_beside_it(real: Warehouse) -> None:
    """Birmingham as at 31 March 2024: good in every area at its standard inspection from 20
    February 2023; requires improvement at the one from 3 December 2018."""
    p = profile(real, BIRMINGHAM)
    latest, previous = p.latest_inspection, p.previous_inspection
    assert latest is not None and previous is not None
    assert (latest.start_date, latest.framework) == (date(2023, 2, 20), "ilacs_2023")
    assert set(latest.judgements.values()) == {"good"}
    assert "care_leavers" in latest.judgements  # judged separately from January 2023
    assert (previous.start_date, previous.framework) == (date(2018, 12, 3), "ilacs_2018")
    assert set(previous.judgements.values()) == {"requires_improvement"}
    assert "care_leavers" not in previous.judgements
    # the whole history in date order: a CPI and two SIF reports (dated by publication,
    # their grades not held by the D2I source), then the two ILACS inspections
    assert [e.event_type for e in p.history] == [
        "cpi_inspection",
        "sif_inspection",
        "sif_inspection",
        "standard_inspection",
        "standard_inspection",
    ]
    assert [e.took_place for e in p.history] == sorted(e.took_place for e in p.history)
    assert p.history[1].judgements["overall_effectiveness"] is None
    assert p.next_inspection is not None
    rule = p.next_inspection.rule
    assert (rule.rule, rule.next_event) == ("good_or_outstanding", "short_inspection")
    assert (rule.window_start, rule.window_end) == (date(2025, 8, 20), date(2026, 8, 20))
    assert rule.position == "before_window"


def test_standing_ranks_against_the_release_figures(real: Warehouse) -> None:
    """Rank 1 is the best judgement; an LA's rank is one more than the LAs judged better, in
    England and in its region, as the release counts them."""
    figures = compute_figures(real, ReleaseSpec.for_date(AS_AT))
    counts = figures["overall_effectiveness"]["counts"]
    p = profile(real, BCP)
    assert p.standing is not None and p.standing.judgement == "inadequate"
    england = p.standing.england
    better = counts["outstanding"] + counts["good"] + counts["requires_improvement"]
    assert (england.rank, england.of, england.same) == (
        better + 1,
        figures["local_authorities"]["graded"],
        counts["inadequate"],
    )
    assert england.quartile == "D" and england.worse == 0
    assert england.distribution == figures["overall_effectiveness"]
    region = p.standing.region
    assert region.among == "South West"
    assert region.distribution == figures["by_region"]["South West"]
    outstanding = profile(real, KENT).standing
    assert outstanding is not None and outstanding.england.rank == 1
    assert outstanding.england.quartile == "A"


def test_an_la_not_yet_inspected_at_31_march_2023(real: Warehouse) -> None:
    """Cumbria, as at its last 31 March: the source holds no graded inspection of it, so
    there is no window to count (it was not created by reorganisation)."""
    p = profile(real, CUMBRIA, date(2023, 3, 31))
    assert p.existence == EXISTS and not p.inspected and p.latest_inspection is None
    assert p.next_inspection is not None
    assert p.next_inspection.rule.not_applied == NO_INSPECTION_HELD
    assert p.standing is not None and p.standing.england.rank is None


def test_a_new_la_not_yet_inspected_counts_from_its_creation(real: Warehouse) -> None:
    p = profile(real, CUMBERLAND)
    assert p.existence == EXISTS and not p.inspected
    assert p.next_inspection is not None
    rule, seen = p.next_inspection.rule, p.next_inspection.observed
    assert (rule.rule, rule.counted_from, rule.counted_from_date) == (
        "created_by_reorganisation",
        "creation",
        date(2023, 4, 1),
    )
    assert rule.days_since == 365 and rule.next_event is None
    # the LAs created before it, to their first inspection: Dorset, BCP, the Northamptonshires
    assert seen.after == "creation" and seen.gaps is not None
    assert seen.gaps.n == 4
    assert seen.gaps.max_days == (date(2021, 12, 6) - date(2019, 4, 1)).days  # BCP
    assert seen.days_since == 365 and seen.overdue is False


def test_an_la_that_no_longer_exists_names_its_successors(real: Warehouse) -> None:
    p = profile(real, CUMBRIA)
    assert p.existence == CEASED
    assert p.structural_change is not None
    assert [s.name for s in p.structural_change.successors] == [
        "Cumberland",
        "Westmorland and Furness",
    ]
    assert p.next_inspection is None and p.standing is None


def test_an_la_not_yet_created_names_its_predecessor(real: Warehouse) -> None:
    p = profile(real, WESTMORLAND, date(2022, 3, 31))
    assert p.existence == NOT_YET_CREATED and p.history == ()
    assert p.structural_change is not None
    assert [s.name for s in p.structural_change.predecessors] == ["Cumbria"]
    assert p.next_inspection is None


def test_every_la_has_a_profile_at_once(every_la: Profiles, real: Warehouse) -> None:
    """One build gives every LA of the table its profile, the same as built one at a time."""
    assert len(every_la.profiles) == len(LaDirectory.of(real).las)
    assert CUMBRIA in every_la.profiles  # a former LA keeps its profile
    for code in (BCP, BIRMINGHAM, CUMBERLAND):
        assert every_la.profiles[code] == profile(real, code)


def test_statistical_neighbours_from_the_lookup(every_la: Profiles) -> None:
    near = every_la.profiles[BCP].neighbours
    assert near.basis == STATISTICAL and near.file is not None
    assert near.file.endswith("la_lookup.csv")
    assert [n.position for n in near.local_authorities] == list(range(1, 11))
    kent = next(n for n in near.local_authorities if n.la_code == KENT)
    assert kent.judgements["overall_effectiveness"] == "outstanding"
    assert kent.latest_inspection_start == date(2022, 5, 9)
    # a former LA has no neighbours in today's lookup
    assert every_la.profiles[CUMBRIA].neighbours.local_authorities == ()


def test_a_canonical_source_has_no_neighbours_unless_given(tmp_path: Path, shared: Path) -> None:
    src = write_canonical(tmp_path / "events.csv", [event(1, KENT, "2022-05-09", "2022-07-05")])
    wh = open_warehouse(f"canonical:{src}")
    assert profile(wh, KENT).neighbours.basis == NOT_AVAILABLE
    directory = LaDirectory.of(wh)
    lookup = shared / "data" / "ilacs" / "la_lookup.csv"
    given = build_profiles(
        wh, ReleaseSpec.for_date(AS_AT), neighbour_source(wh, directory, lookup), only=[KENT]
    )
    assert given.profiles[KENT].neighbours.basis == STATISTICAL
    assert len(given.profiles[KENT].neighbours.local_authorities) == 10


def test_a_bad_lookup_is_refused_naming_the_file(tmp_path: Path, real: Warehouse) -> None:
    bad = tmp_path / "lookup.csv"
    bad.write_text('la_code_new,stat_neighbours_la_code\nE10000016,"E99999999"\n', encoding="utf-8")
    with pytest.raises(InputError, match="row 2, field 'stat_neighbours_la_code': unknown"):
        neighbour_source(real, LaDirectory.of(real), bad)
    (tmp_path / "other.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an LA lookup"):
        neighbour_source(real, LaDirectory.of(real), tmp_path / "other.csv")


def test_simulated_data_derives_neighbours_from_the_hex_map(tmp_path: Path) -> None:
    from inspection_outcomes.model.local_authorities import by_code
    from inspection_outcomes.simulate.output import build

    folder = tmp_path / "sim"
    build(folder, 3, 3000, end=date(2024, 3, 31))  # two copies of the country
    wh = open_warehouse(f"simulated:{folder}")
    copy = LaDirectory.of(wh).find("Kent (copy 2)", AS_AT)
    near = profile(wh, copy.la_code).neighbours
    assert near.basis == HEX_MAP and "hex map" in near.note
    assert len(near.local_authorities) == 10
    assert all(n.la_code.endswith("-2") for n in near.local_authorities)
    assert {by_code()[n.la_code.removesuffix("-2")].region for n in near.local_authorities} == {
        "South East"
    }


def _canonical_copy(wh: Warehouse, path: Path) -> list[dict[str, Any]]:
    rows = wh.rows(f"SELECT {', '.join(COLUMNS)} FROM events ORDER BY event_row")
    text = [
        {
            c: "" if v is None else (v.isoformat() if isinstance(v, date) else str(v))
            for c, v in r.items()
        }
        for r in rows
    ]
    write_canonical(path, text)
    return text


def test_observed_gaps_are_recomputed_from_the_records(tmp_path: Path, real: Warehouse) -> None:
    """The table is the records': a canonical copy of the corrected records gives the same
    table; moving one inspection later changes the row it falls in."""
    spec = ReleaseSpec.for_date(AS_AT)
    original = {g.key: g for g in observed_gaps(real, spec)}
    rows = _canonical_copy(real, tmp_path / "copy.csv")
    copy = open_warehouse(f"canonical:{tmp_path / 'copy.csv'}")
    assert {g.key: g for g in observed_gaps(copy, spec)} == original

    # Birmingham's 2023 inspection, moved to 4 March 2024: the gap after its 2018 inspection
    # (requires improvement) grows past the longest observed before
    key = ("inspection", "ilacs", "requires_improvement")
    moved_to = date(2024, 3, 4)
    new_gap = (moved_to - date(2018, 12, 3)).days
    assert new_gap > original[key].max_days
    for r in rows:
        if r["la_code"] == BIRMINGHAM and r["start_date"] == "2023-02-20":
            r.update(
                start_date=moved_to.isoformat(),
                end_date="2024-03-15",
                publication_date="2024-04-26",
            )
    write_canonical(tmp_path / "moved.csv", rows)
    moved = {
        g.key: g for g in observed_gaps(open_warehouse(f"canonical:{tmp_path / 'moved.csv'}"), spec)
    }
    assert moved[key] == replace(
        original[key], max_days=new_gap, median_days=moved[key].median_days
    )
    assert moved[key].median_days >= original[key].median_days
    assert {k: v for k, v in moved.items() if k != key} == {
        k: v for k, v in original.items() if k != key
    }


def test_gaps_count_consecutive_starts_held(tmp_path: Path) -> None:
    """Start to start between an LA's consecutive graded inspections, grouped by the earlier
    one's framework (every ILACS version as one) and judgement; visits are not inspections;
    a new LA's first gap is from its creation."""
    camden, barnet = "E09000007", "E09000003"
    rows = [
        event(1, camden, "2018-06-04", "2018-07-20", overall_effectiveness="good"),
        event(2, camden, "2019-05-01", "2019-06-01", event_type="focused_visit"),
        event(3, camden, "2021-06-07", "2021-07-30", overall_effectiveness="good"),
        event(4, camden, "2024-01-08", "2024-02-20", overall_effectiveness="inadequate"),
        event(5, barnet, "2018-09-03", "2018-10-20", overall_effectiveness="good"),
        event(6, barnet, "2023-02-06", "2023-03-20", overall_effectiveness="good"),
        event(7, barnet, "2025-01-06", "2025-02-20", overall_effectiveness="good"),
        event(8, CUMBERLAND, "2024-10-07", "2024-11-26"),
    ]
    wh = open_warehouse(f"canonical:{write_canonical(tmp_path / 'e.csv', rows)}")
    gaps = {g.key: g for g in observed_gaps(wh, ReleaseSpec.for_date(date(2025, 3, 31)))}
    good = sorted(
        [
            (date(2021, 6, 7) - date(2018, 6, 4)).days,
            (date(2024, 1, 8) - date(2021, 6, 7)).days,
            (date(2023, 2, 6) - date(2018, 9, 3)).days,
            (date(2025, 1, 6) - date(2023, 2, 6)).days,
        ]
    )  # after an ILACS 2023 one
    assert gaps[("inspection", "ilacs", "good")] == GapRow(
        "inspection", "ilacs", "good", 4, good[0], (good[1] + good[2]) / 2, good[3]
    )
    created = (date(2024, 10, 7) - date(2023, 4, 1)).days
    assert gaps[("creation", None, None)] == GapRow(
        "creation", None, None, 1, created, created, created
    )
    # nothing after the last inspections yet; gaps after inspections before those after a
    # creation
    assert [g.after for g in observed_gaps(wh, ReleaseSpec.for_date(date(2025, 3, 31)))] == [
        "inspection",
        "creation",
    ]
    # as at an earlier date, the later inspections do not count
    earlier = observed_gaps(wh, ReleaseSpec.for_date(date(2022, 3, 31)))
    assert [(g.key, g.n) for g in earlier] == [(("inspection", "ilacs", "good"), 1)]


def test_an_la_past_the_longest_gap_observed_is_overdue(tmp_path: Path) -> None:
    camden, barnet = "E09000007", "E09000003"
    rows = [
        event(1, barnet, "2018-09-03", "2018-10-20", overall_effectiveness="good"),
        event(2, barnet, "2021-09-06", "2021-10-20", overall_effectiveness="good"),
        event(3, camden, "2018-06-04", "2018-07-20", overall_effectiveness="good"),
    ]
    wh = open_warehouse(f"canonical:{write_canonical(tmp_path / 'e.csv', rows)}")
    longest = (date(2021, 9, 6) - date(2018, 9, 3)).days
    within = profile(wh, camden, date(2021, 3, 31)).next_inspection
    assert within is not None and within.observed.gaps is None  # Barnet's not yet held
    day = date(2022, 3, 31)
    seen = profile(wh, camden, day).next_inspection
    assert seen is not None and seen.observed.gaps is not None
    assert seen.observed.gaps.max_days == longest
    assert seen.observed.days_since == (day - date(2018, 6, 4)).days > longest
    assert seen.observed.overdue is True
    assert seen.rule.position == "after_window"  # 42 months after June 2018 have passed


def test_the_schedule_rules_are_model_data_with_their_sources(shared: Path) -> None:
    rules = {r.rule: r for r in schedule_rules()}
    assert set(rules) == {
        "good_or_outstanding",
        "requires_improvement",
        "inadequate",
        "created_by_reorganisation",
    }
    for judgement, next_event in (
        ("good", "short_inspection"),
        ("requires_improvement", "standard_inspection"),
    ):
        rule = next(r for r in rules.values() if judgement in r.last_judgements)
        assert rule.next_event == next_event
        assert (rule.window_start_months, rule.window_end_months) == (30, 42)
    assert not rules["inadequate"].has_window
    for r in rules.values():
        assert r.wording and r.quote and r.quote_source and r.source
        assert "inspecting-local-authority-childrens-services" in r.source
    # every quotation is Ofsted's own words, verbatim: the main findings of the 2024 release
    text = (shared / "seeds" / "002_ead7355b0410aa66.txt").read_text(encoding="utf-8")
    assert all(r.quote in text for r in rules.values())
