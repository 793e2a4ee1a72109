"""Tidy CSV files in the EES data standard: valid files whose numbers are the release's."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from inspection_outcomes.core.tidy import META_COLUMNS, check_tidy_csv
from inspection_outcomes.model.ees_geography import ees_la, regions
from inspection_outcomes.model.frameworks import AREA_LABELS
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS
from inspection_outcomes.publications.la_outcomes.tidy import write_tidy_csv
from tests.test_spreadsheet import real_content, small_content

DATA_FILES = (
    "la_judgements_as_at",
    "la_inspections_in_year",
    "la_graded_inspection_outcomes_in_year",
)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tidy")
    write_tidy_csv(real_content(), out)
    return out


def test_writes_each_data_file_with_its_meta_file(folder: Path) -> None:
    names = sorted(p.name for p in folder.iterdir())
    expected = sorted(
        [
            *(f"{n}.csv" for n in DATA_FILES),
            *(f"{n}.meta.csv" for n in DATA_FILES),
            "la_inspection_outcomes.csv",
            "la_inspection_outcomes.meta.csv",
            "data_guidance.md",
        ]
    )
    assert names == expected  # and no temporary folder left behind
    for n in DATA_FILES:
        with (folder / f"{n}.meta.csv").open(encoding="utf-8") as f:
            assert tuple(next(csv.reader(f))) == META_COLUMNS


@pytest.mark.parametrize("name", DATA_FILES)
def test_files_meet_the_standard(folder: Path, name: str) -> None:
    assert check_tidy_csv(folder / f"{name}.csv") == []


def test_national_and_regional_judgements_equal_the_figures(folder: Path) -> None:
    f = real_content().figures
    rows = _read(folder / "la_judgements_as_at.csv")
    assert {r["time_period"] for r in rows} == {"2024"}
    assert {r["time_identifier"] for r in rows} == {"Reporting year"}

    def get(level: str, area: str, judgement: str, region: str = "") -> dict[str, str]:
        [row] = [
            r
            for r in rows
            if r["geographic_level"] == level
            and r["region_name"] == region
            and r["judgement_area"] == area
            and r["judgement"] == judgement
        ]
        return row

    oe = f["overall_effectiveness"]
    for j in JUDGEMENTS:
        row = get("National", "Overall effectiveness", LABELS[j])
        assert int(row["number_of_las"]) == oe["counts"][j]
        assert int(row["percent_of_las"]) == oe["percent"][j]
        for area, fig in f["sub_judgements"].items():
            assert (
                int(get("National", AREA_LABELS[area], LABELS[j])["number_of_las"])
                == fig["counts"][j]
            )
        # Ofsted's regions are the sums of the ONS regions their filter names
        for region, fig in f["by_region"].items():
            parts = [
                r
                for r in rows
                if r["geographic_level"] == "Regional"
                and r["ofsted_region"] == region
                and r["judgement_area"] == "Overall effectiveness"
                and r["judgement"] == LABELS[j]
            ]
            assert parts, region
            assert sum(int(r["number_of_las"]) for r in parts) == fig["counts"][j]
    assert int(get("National", "Overall effectiveness", "Total")["number_of_las"]) == oe["n"]


def test_regional_rows_are_ons_regions_with_ees_codes_and_names(folder: Path) -> None:
    ons = {(r.code, r.name) for r in regions()}
    assert ("E12000003", "Yorkshire and The Humber") in ons and len(ons) == 9
    for name in DATA_FILES:
        rows = _read(folder / f"{name}.csv")
        regional = {(r["region_code"], r["region_name"]) for r in rows if r["region_code"]}
        assert regional == ons, name
        assert not any(";" in r["region_code"] for r in rows)
        national = {r["ofsted_region"] for r in rows if r["geographic_level"] == "National"}
        assert national == {"Total"}


def test_every_la_of_the_release_has_its_ees_name_and_code(folder: Path) -> None:
    content = real_content()
    rows = _read(folder / "la_judgements_as_at.csv")
    written = {
        (r["old_la_code"], r["new_la_code"], r["la_name"], r["region_code"], r["ofsted_region"])
        for r in rows
        if r["geographic_level"] == "Local authority"
    }
    on = date.fromisoformat(content.figures["as_at"])
    expected = set()
    for src in content.tables["as_at"]:
        la = ees_la(src["la_code"], on)
        assert la is not None, src["la_name"]
        expected.add((la.old_la_code, la.new_la_code, la.la_name, la.region.code, src["region"]))
    assert written == expected
    names = {n for _, _, n, _, _ in written}
    assert {"Bedford", "County Durham", "Herefordshire, County of"} <= names
    assert not names & {"Bedford Borough", "Durham", "Herefordshire"}
    # Barnsley's and Sheffield's GSS codes changed on 1 May 2025: as at 31 March 2024 the
    # files give the codes of that date, as EES's own lookup dates them
    codes = {n: c for _, c, n, _, _ in written}
    assert (codes["Barnsley"], codes["Sheffield"]) == ("E08000016", "E08000019")
    with (Path(__file__).parents[1] / "src/inspection_outcomes/model/data/ees_geography.csv").open(
        encoding="utf-8"
    ) as f:
        lookup = {
            r["code"]: r for r in csv.DictReader(f) if r["geographic_level"] == "Local authority"
        }
    for _, code, _, _, _ in written:
        row = lookup[code]
        assert row["valid_from"] <= on.isoformat() <= (row["valid_to"] or "9999"), code


def test_an_la_whose_code_changed_is_given_the_code_of_the_date() -> None:
    barnsley = "E08000038"
    assert ees_la(barnsley, date(2024, 3, 31)).new_la_code == "E08000016"  # type: ignore[union-attr]
    assert ees_la(barnsley, date(2025, 4, 30)).new_la_code == "E08000016"  # type: ignore[union-attr]
    assert ees_la(barnsley, date(2026, 3, 31)).new_la_code == barnsley  # type: ignore[union-attr]
    assert ees_la(barnsley).new_la_code == barnsley  # type: ignore[union-attr]
    assert ees_la("E10000016", date(2024, 3, 31)).la_name == "Kent"  # type: ignore[union-attr]


def test_la_level_gives_each_las_judgement(folder: Path) -> None:
    content = real_content()
    rows = [
        r
        for r in _read(folder / "la_judgements_as_at.csv")
        if r["geographic_level"] == "Local authority"
        and r["judgement_area"] == "Overall effectiveness"
    ]
    by_la: dict[str, dict[str, str]] = {}
    for r in rows:
        by_la.setdefault(r["old_la_code"], {})[r["judgement"]] = r["number_of_las"]
    assert len(by_la) == len(content.tables["as_at"])
    for src in content.tables["as_at"]:  # by the 3-digit code: GSS codes change (Barnsley)
        got = by_la[src["old_la_code"]]
        if src["overall_effectiveness"]:
            assert got[LABELS[src["overall_effectiveness"]]] == "1"
            assert sum(int(v) for k, v in got.items() if k != "Total") == 1
        else:
            assert set(got.values()) <= {"x", "z"}
    not_yet = content.figures["local_authorities"]["not_yet_graded"]
    names = {r["la_name"]: r for r in rows if r["judgement"] == "Total"}
    for la in not_yet:
        assert names[la]["number_of_las"] == "z"


def test_in_year_counts_equal_the_figures_and_uncovered_types_are_x(folder: Path) -> None:
    f = real_content().figures
    rows = [
        r
        for r in _read(folder / "la_inspections_in_year.csv")
        if r["geographic_level"] == "National"
    ]
    assert {r["time_period"] for r in rows} == {"202324"}
    assert {r["time_identifier"] for r in rows} == {"Financial year"}
    got = {r["event_type"]: r["number_of_events"] for r in rows}
    labels = {
        "standard_inspection": "Standard inspection",
        "short_inspection": "Short inspection",
        "focused_visit": "Focused visit",
        "monitoring_visit": "Monitoring visit",
    }
    for t, label in labels.items():
        expected = f["in_year"]["by_type"][t]
        assert got[label] == ("x" if expected is None else str(expected))
    assert got["Total"] == ("x" if f["in_year"]["visits"] is None else str(f["in_year"]["visits"]))
    graded = {
        r["judgement"]: r
        for r in _read(folder / "la_graded_inspection_outcomes_in_year.csv")
        if r["geographic_level"] == "National"
    }
    for j in JUDGEMENTS:
        assert (
            int(graded[LABELS[j]]["number_of_inspections"]) == f["in_year"]["graded"]["counts"][j]
        )
        assert (
            int(graded[LABELS[j]]["percent_of_inspections"]) == f["in_year"]["graded"]["percent"][j]
        )


def test_regions_add_up_to_the_nation(folder: Path) -> None:
    rows = _read(folder / "la_inspections_in_year.csv")
    for t in ("Standard inspection", "Short inspection"):
        national = [
            int(r["number_of_events"])
            for r in rows
            if r["geographic_level"] == "National" and r["event_type"] == t
        ]
        regional = [
            int(r["number_of_events"])
            for r in rows
            if r["geographic_level"] == "Regional" and r["event_type"] == t
        ]
        local = [
            int(r["number_of_events"])
            for r in rows
            if r["geographic_level"] == "Local authority" and r["event_type"] == t
        ]
        assert national == [sum(regional)] == [sum(local)]


def test_writing_twice_gives_identical_files(tmp_path: Path) -> None:
    a = write_tidy_csv(small_content(), tmp_path / "a")
    b = write_tidy_csv(small_content(), tmp_path / "b")
    assert [p.name for p in a] == [p.name for p in b]
    assert all(p.read_bytes() == q.read_bytes() for p, q in zip(a, b, strict=True))
    guidance = (tmp_path / "a" / "data_guidance.md").read_text("utf-8")
    assert "simulated" in guidance and "ONS region" in guidance


def test_small_release_covers_focused_visits(tmp_path: Path) -> None:
    write_tidy_csv(small_content(), tmp_path)
    rows = {
        (r["geographic_level"], r["la_name"], r["event_type"]): r
        for r in _read(tmp_path / "la_inspections_in_year.csv")
    }
    assert rows[("National", "", "Focused visit")]["number_of_events"] == "1"
    assert rows[("Local authority", "Delta", "Focused visit")]["number_of_las_visited"] == "1"
    assert rows[("Local authority", "Alpha", "Focused visit")]["number_of_events"] == "0"
    assert rows[("National", "", "Monitoring visit")]["number_of_events"] == "x"


def test_check_finds_problems(tmp_path: Path) -> None:
    write_tidy_csv(small_content(), tmp_path)
    path = tmp_path / "la_inspections_in_year.csv"
    text = path.read_text("utf-8").splitlines()
    header = text[0].split(",")
    bad = text[1].split(",")
    bad[header.index("event_type")] = ""
    bad[header.index("number_of_events")] = "seven"
    bad[header.index("time_period")] = "2023-24"
    path.write_text("\n".join([text[0], ",".join(bad), *text[2:]]) + "\n", "utf-8")
    problems = " | ".join(check_tidy_csv(path))
    assert "la_inspections_in_year.csv row 2: rule filter_blanks" in problems
    assert "la_inspections_in_year.csv row 2: rule ind_value" in problems
    assert "la_inspections_in_year.csv row 2: rule time_period_num" in problems
    meta = tmp_path / "la_inspections_in_year.meta.csv"
    meta.write_text("\n".join(meta.read_text("utf-8").splitlines()[:-1]) + "\n", "utf-8")
    assert any("rule cross_data_to_meta" in p for p in check_tidy_csv(path))


def test_la_level_file_has_one_labelled_row_per_la_and_date(folder: Path) -> None:
    rows = _read(folder / "la_inspection_outcomes.csv")
    f = real_content().figures
    latest = [r for r in rows if r["as_at"] == "2024-03-31"]
    assert len(latest) == f["local_authorities"]["total"] == len({r["la_code"] for r in latest})
    assert sorted({r["as_at"] for r in rows}) == ["2022-03-31", "2023-03-31", "2024-03-31"]
    # labels, never 0/1 indicators: the overall counts are those of the figures
    for j in JUDGEMENTS:
        n = sum(r["overall_effectiveness"] == LABELS[j] for r in latest)
        assert n == f["overall_effectiveness"]["counts"][j]
    values = {v for r in rows for k, v in r.items() if k != "old_la_code"}
    assert not values & {"0", "1", "True", "False"}
    # an inspected LA carries its dates, type, framework and the judgement before
    judged = [r for r in latest if r["inspection_start_date"]]
    assert all(r["inspection_type"] and r["framework"] for r in judged)
    assert all(r["publication_date"] <= r["publication_cutoff"] for r in judged)
    assert all(
        r["previous_inspection_start_date"] < r["inspection_start_date"]
        for r in judged
        if r["previous_inspection_start_date"]
    )
    previous = Counter(r["previous_overall_effectiveness"] for r in latest)
    assert sum(previous[LABELS[j]] for j in JUDGEMENTS) > 50
    assert previous["no earlier graded inspection"] + previous["not held by the source"] < 100
    assert "" not in previous


def test_la_level_meta_describes_every_column(folder: Path) -> None:
    with (folder / "la_inspection_outcomes.csv").open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    meta = _read(folder / "la_inspection_outcomes.meta.csv")
    assert [m["col_name"] for m in meta] == header
    assert all(m["label"] and m["description"] for m in meta)
    guidance = (folder / "data_guidance.md").read_text(encoding="utf-8")
    assert "la_inspection_outcomes.csv" in guidance
