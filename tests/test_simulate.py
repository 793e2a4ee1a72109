"""The seeded simulator: determinism, LAs over time, event mix, publication, scale, CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from inspection_outcomes.cli import app
from inspection_outcomes.model.events import SCHEMA
from inspection_outcomes.model.frameworks import EVENT_TYPES
from inspection_outcomes.model.local_authorities import all_local_authorities
from inspection_outcomes.publications.la_outcomes.figures import compute_figures
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from inspection_outcomes.simulate.output import LA_FILE, README_FILE, build
from inspection_outcomes.simulate.simulator import THEMES
from inspection_outcomes.sources.load import load_la_source
from inspection_outcomes.store.inspections import Warehouse

END = date(2027, 3, 31)  # past 1 April 2026, so the framework without overall is exercised


@pytest.fixture(scope="module")
def country(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the country (real LA codes), seed 42."""
    out = tmp_path_factory.mktemp("sim") / "country"
    build(out, 42, None, end=END)
    return out


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 200,000 events: many copies of the country."""
    out = tmp_path_factory.mktemp("sim") / "copies"
    build(out, 7, 200_000, end=date(2026, 3, 31))
    return out


def query(folder: Path, sql: str) -> list[tuple[object, ...]]:
    """Run SQL with `events` (the Parquet file) and `las` (the folder's LA table)."""
    con = duckdb.connect()
    con.execute(f"CREATE VIEW events AS SELECT * FROM read_parquet('{folder}/events.parquet')")
    con.execute(f"CREATE VIEW las AS SELECT * FROM read_parquet('{folder}/{LA_FILE}')")
    return con.execute(sql).fetchall()


def one(folder: Path, sql: str) -> object:
    return query(folder, sql)[0][0]


# Graded events in order, per LA, with the grade that stands for the LA's standing (overall,
# or impact of leaders where the framework gives no overall judgement).
GRADED = """
    SELECT *, coalesce(overall_effectiveness, impact_of_leaders) AS standing
    FROM events WHERE event_type IN ('standard_inspection', 'short_inspection',
                                     'sif_inspection', 'cpi_inspection')
"""


def test_same_seed_gives_byte_identical_files(country: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build(again, 42, None, end=END)
    for name in ("events.parquet", LA_FILE, README_FILE):
        assert (again / name).read_bytes() == (country / name).read_bytes(), name
    other = tmp_path / "other"
    build(other, 43, None, end=END)
    assert (other / "events.parquet").read_bytes() != (country / "events.parquet").read_bytes()


def test_canonical_columns_and_types(country: Path) -> None:
    con = duckdb.connect()
    described = con.execute(
        f"DESCRIBE SELECT * FROM read_parquet('{country}/events.parquet')"
    ).fetchall()
    assert [(r[0], r[1]) for r in described] == [(name, typ) for name, typ, _ in SCHEMA]


def test_every_record_says_it_is_simulated(country: Path) -> None:
    assert query(country, "SELECT DISTINCT source_file FROM events") == [("simulated:seed=42",)]
    assert "SIMULATED" in (country / README_FILE).read_text(encoding="utf-8")
    assert one(country, "SELECT count(*) - count(DISTINCT event_id) FROM events") == 0


def test_one_copy_is_the_reference_table(country: Path) -> None:
    codes = [r[0] for r in query(country, "SELECT la_code FROM las")]
    assert codes == [la.la_code for la in all_local_authorities()]


@pytest.mark.parametrize("fixture", ["country", "copies"])
def test_no_event_outside_an_las_life(fixture: str, request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue(fixture)
    outside = one(
        folder,
        """
        SELECT count(*) FROM events e JOIN las l USING (la_code)
        WHERE e.start_date < CAST(l.valid_from AS DATE) OR e.end_date > CAST(l.valid_to AS DATE)
    """,
    )
    assert outside == 0
    assert (
        one(folder, "SELECT count(*) FROM events WHERE la_code NOT IN (SELECT la_code FROM las)")
        == 0
    )


def test_new_las_start_ungraded(country: Path) -> None:
    """LAs created by a structural change: no SIF, first ILACS inspection a standard one."""
    rows = query(
        country,
        f"""
        SELECT l.name, first(g.event_type ORDER BY g.start_date), count(*)
        FROM ({GRADED}) g JOIN las l USING (la_code)
        WHERE l.valid_from IS NOT NULL GROUP BY l.name
    """,
    )
    assert rows, "new LAs should be inspected within a few years of being created"
    assert all(first == "standard_inspection" for _, first, _ in rows)
    ceased = one(
        country,
        """
        SELECT count(*) FROM events e JOIN las l USING (la_code)
        WHERE l.valid_to IS NOT NULL AND e.start_date > DATE '2023-03-31'
    """,
    )
    assert ceased == 0


@pytest.mark.parametrize("fixture", ["country", "copies"])
def test_all_event_types_present(fixture: str, request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue(fixture)
    types = {r[0] for r in query(folder, "SELECT DISTINCT event_type FROM events")}
    assert types == set(EVENT_TYPES)


def test_short_inspections_only_after_good_or_outstanding(copies: Path) -> None:
    rows = query(
        copies,
        f"""
        SELECT event_type, previous, count(*) FROM (
            SELECT event_type, framework,
                   lag(standing) OVER (PARTITION BY la_code ORDER BY start_date) AS previous,
                   lag(framework) OVER (PARTITION BY la_code ORDER BY start_date) AS prev_fw
            FROM ({GRADED}) WHERE framework LIKE 'ilacs%' OR TRUE)
        WHERE framework LIKE 'ilacs%' AND prev_fw LIKE 'ilacs%'
        GROUP BY ALL
    """,
    )
    short = {prev for t, prev, _ in rows if t == "short_inspection"}
    assert short == {"outstanding", "good"}
    standard = {prev for t, prev, _ in rows if t == "standard_inspection"}
    assert standard == {"requires_improvement", "inadequate"}


def test_first_ilacs_inspection_is_standard(copies: Path) -> None:
    firsts = query(
        copies,
        """
        SELECT DISTINCT first(event_type ORDER BY start_date) FROM events
        WHERE event_type IN ('standard_inspection', 'short_inspection') GROUP BY la_code
    """,
    )
    assert firsts == [("standard_inspection",)]


def test_monitoring_visits_only_while_inadequate(copies: Path) -> None:
    standing = query(
        copies,
        f"""
        SELECT DISTINCT (SELECT g.standing FROM ({GRADED}) g
                         WHERE g.la_code = m.la_code AND g.end_date < m.start_date
                         ORDER BY g.start_date DESC LIMIT 1)
        FROM events m WHERE m.event_type = 'monitoring_visit'
    """,
    )
    assert standing == [("inadequate",)]
    per_year = one(
        copies,
        """
        SELECT avg(n) FROM (SELECT la_code, year(start_date) y, count(*) n FROM events
                            WHERE event_type = 'monitoring_visit' GROUP BY ALL)
    """,
    )
    assert 1.5 <= float(str(per_year)) <= 4


def test_focused_visits_between_inspections_with_themes(copies: Path) -> None:
    themes = {
        t
        for (row,) in query(
            copies, "SELECT DISTINCT themes FROM events WHERE event_type = 'focused_visit'"
        )
        for t in str(row).split(";")
    }
    assert themes == set(THEMES)
    assert (
        one(
            copies,
            "SELECT count(*) FROM events WHERE (event_type = 'focused_visit') "
            "<> (themes IS NOT NULL)",
        )
        == 0
    )
    visits_to_inadequate = one(
        copies,
        f"""
        SELECT count(*) FROM events f WHERE f.event_type = 'focused_visit' AND
            (SELECT g.standing FROM ({GRADED}) g WHERE g.la_code = f.la_code
             AND g.end_date < f.start_date ORDER BY g.start_date DESC LIMIT 1) = 'inadequate'
    """,
    )
    assert visits_to_inadequate == 0
    overlapping = one(
        copies,
        f"""
        SELECT count(*) FROM events v JOIN ({GRADED}) g USING (la_code)
        WHERE v.event_type IN ('focused_visit', 'monitoring_visit')
          AND v.start_date <= g.end_date AND g.start_date <= v.end_date
    """,
    )
    assert overlapping == 0


def test_judgements_follow_the_framework_versions(country: Path, copies: Path) -> None:
    for folder in (country, copies):
        assert (
            one(
                folder,
                """SELECT count(*) FROM events WHERE framework <> CASE
            WHEN event_type = 'cpi_inspection' THEN 'cpi'
            WHEN event_type = 'sif_inspection' THEN 'sif'
            WHEN start_date < DATE '2023-01-01' THEN 'ilacs_2018'
            WHEN start_date < DATE '2026-04-01' THEN 'ilacs_2023' ELSE 'ilacs_2026' END""",
            )
            == 0
        )
        # care leavers: ILACS only from January 2023; never on visits
        assert (
            one(
                folder,
                """SELECT count(*) FROM events WHERE care_leavers IS NOT NULL
            AND (framework = 'ilacs_2018' OR event_type IN ('focused_visit',
                 'monitoring_visit'))""",
            )
            == 0
        )
        assert (
            one(
                folder,
                """SELECT count(*) FROM events WHERE care_leavers IS NOT NULL
            AND framework = 'ilacs_2023'""",
            )
            > 0
        )
    # no overall effectiveness from 1 April 2026, but the sub-judgements still
    assert (
        one(
            country,
            """SELECT count(*) FROM events WHERE framework = 'ilacs_2026'
        AND overall_effectiveness IS NOT NULL""",
        )
        == 0
    )
    assert (
        one(
            country,
            """SELECT count(*) FROM events WHERE framework = 'ilacs_2026'
        AND event_type = 'short_inspection' AND help_and_protection IS NOT NULL""",
        )
        > 0
    )


def test_sub_judgements_consistent_with_overall(copies: Path) -> None:
    subs = "[impact_of_leaders, help_and_protection, children_in_care, care_leavers]"
    rows = query(
        copies,
        f"""
        SELECT overall_effectiveness,
               list_contains({subs}, 'inadequate') AS any_inadequate,
               list_contains({subs}, overall_effectiveness) AS one_equal, count(*)
        FROM events WHERE event_type IN ('standard_inspection', 'short_inspection')
          AND overall_effectiveness IS NOT NULL GROUP BY ALL
    """,
    )
    for overall, any_inadequate, one_equal, _ in rows:
        assert any_inadequate == (overall == "inadequate")
        assert one_equal
    graded = one(copies, "SELECT count(DISTINCT overall_effectiveness) FROM events")
    assert graded == 4


def test_publication_dates_and_late_reports(copies: Path) -> None:
    gaps = query(
        copies,
        """
        SELECT min(publication_date - end_date), median(publication_date - end_date)
        FROM events""",
    )[0]
    assert int(str(gaps[0])) >= 40  # 6 weeks, less at most a weekend
    assert 42 <= float(str(gaps[1])) <= 70
    late = one(
        copies,
        """
        SELECT count(*) FROM events WHERE publication_date > make_date(
            year(end_date) + CASE WHEN month(end_date) > 3 THEN 1 ELSE 0 END, 6, 30)""",
    )
    assert 0 < int(str(late)) < one(copies, "SELECT count(*) FROM events")
    weekend = one(copies, "SELECT count(*) FROM events WHERE dayofweek(publication_date) IN (0, 6)")
    assert weekend == 0


def test_scale_reaches_the_asked_count(copies: Path) -> None:
    n = int(str(one(copies, "SELECT count(*) FROM events")))
    per_country = n / int(str(one(copies, "SELECT count(DISTINCT la_code) FROM las"))) * 158
    assert 200_000 - 2 * per_country <= n <= 200_000
    codes = query(
        copies,
        "SELECT la_code, name FROM las WHERE la_code LIKE 'E06000058-%' ORDER BY la_code LIMIT 1",
    )
    assert codes[0][0].startswith("E06000058-") and "(copy " in codes[0][1]
    # structural changes are copied with their copy's codes
    preds = query(copies, "SELECT predecessors FROM las WHERE la_code = 'E06000058-3'")
    assert preds == [("E06000028-3;E06000029-3;E10000009-3",)]


def test_cli_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "sim"
    runner = CliRunner()
    first = runner.invoke(app, ["simulate", "--seed", "5", "--out", str(out)])
    assert first.exit_code == 0, first.output
    assert "simulated events" in first.output
    again = runner.invoke(app, ["simulate", "--seed", "5", "--out", str(out)])
    assert again.exit_code == 2
    forced = runner.invoke(
        app, ["simulate", "--seed", "6", "--end", "2024-03-31", "--out", str(out), "--force"]
    )
    assert forced.exit_code == 0, forced.output
    assert "seed: 6" in (out / README_FILE).read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["sim"]  # no temporary folder left
    bad = runner.invoke(app, ["simulate", "--end", "2017-12-31", "--out", str(out), "--force"])
    assert bad.exit_code == 2


def test_copies_are_byte_identical_across_runs(copies: Path, tmp_path: Path) -> None:
    """Many row groups, written by several threads: still the same bytes."""
    again = tmp_path / "again"
    build(again, 7, 200_000, end=date(2026, 3, 31))
    for name in ("events.parquet", LA_FILE):
        assert (again / name).read_bytes() == (copies / name).read_bytes(), name


@pytest.mark.parametrize("compare", ["first", "previous"])
def test_figures_do_not_depend_on_threads_or_row_order(copies: Path, compare: str) -> None:
    """The in-year snapshots are copied without keeping row order, and the event facts are
    made by several threads: one thread and four must give the same figures."""
    source = load_la_source(f"simulated:{copies}")
    spec = ReleaseSpec.for_date(date(2025, 3, 31), compare=compare)
    one = compute_figures(Warehouse(source, threads=1), spec)
    four = compute_figures(Warehouse(source, threads=4), spec)
    assert one["in_year"]["focused_visits"]["n"] > 0
    assert one["change_since_earlier_inspection"] == four["change_since_earlier_inspection"]
    assert json.dumps(one, sort_keys=True) == json.dumps(four, sort_keys=True)
