"""The underlying data workbook: what a reader opens equals what the engine computed."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from inspection_outcomes.core.content import ReleaseContent, ReleaseMeta
from inspection_outcomes.core.workbook import model_rows, read_back, table_rows
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS
from inspection_outcomes.publications.la_outcomes.workbook import (
    NOT_APPLICABLE,
    NOT_AVAILABLE,
    build_workbook,
    write_ods,
    write_xlsx,
)
from tests.conftest import require_shared

WRITERS = {"ods": write_ods, "xlsx": write_xlsx}


@cache
def _real(shared: Path) -> ReleaseContent:
    from inspection_outcomes.publications.la_outcomes.engine import (
        build_release_content,
        run_engine,
    )
    from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec

    source = shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    run = run_engine(f"d2i:{source}", ReleaseSpec.for_date(date(2024, 3, 31)))
    return build_release_content(run, publication_date="2024-08-30")


def real_content() -> ReleaseContent:
    """The 2024 release built by the engine from the real data (built once per run)."""
    return _real(require_shared())


def _la(code: str, name: str, region: str, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "la_code": code,
        "old_la_code": code[-3:],
        "la_name": name,
        "region": region,
        "event_type": None,
        "framework": None,
        "start_date": None,
        "end_date": None,
        "publication_date": None,
        "overall_effectiveness": None,
        "impact_of_leaders": None,
        "help_and_protection": None,
        "children_in_care": None,
        "care_leavers": None,
        "themes": None,
    }
    row.update(kw)
    return row


def small_content(simulated: bool = True) -> ReleaseContent:
    """A hand-made release with the cases the blanks rules cover."""
    graded = dict(
        overall_effectiveness="good",
        impact_of_leaders="good",
        help_and_protection="requires_improvement",
        children_in_care="good",
    )
    as_at = [
        _la(
            "E09000101",
            "Alpha",
            "London",
            event_type="standard_inspection",
            start_date="2023-06-05",
            end_date="2023-06-16",
            publication_date="2023-08-01",
            care_leavers="outstanding",
            **graded,
        ),
        _la(
            "E09000102",
            "Beta",
            "London",
            event_type="short_inspection",
            start_date="2021-01-11",
            end_date="2021-01-15",
            publication_date="2021-03-01",
            **graded,
        ),  # ILACS 2018: no care leavers judgement -> [z]
        _la("E06000103", "Gamma", "North West"),  # not yet inspected -> [z]
        _la(
            "E06000104",
            "Delta",
            "South West",
            event_type="standard_inspection",
            start_date="2023-09-04",
            end_date="2023-09-15",
            publication_date=None,
            impact_of_leaders="inadequate",
            help_and_protection="inadequate",
            children_in_care="inadequate",
            care_leavers="inadequate",
        ),  # grade lost -> [x]
    ]
    in_year = [
        {**as_at[0], "themes": None},
        _la(
            "E06000104",
            "Delta",
            "South West",
            event_type="focused_visit",
            start_date="2023-11-01",
            end_date="2023-11-02",
            publication_date="2023-12-01",
            themes="front_door;care_leavers",
        ),
    ]
    history = [
        {**r, "framework": "ilacs_2023" if r["start_date"] >= "2023" else "ilacs_2018"}
        for r in as_at
        if r["event_type"]
    ]
    counts = {"outstanding": 0, "good": 2, "requires_improvement": 0, "inadequate": 0}
    oe = {
        "n": 2,
        "counts": counts,
        "percent": {"outstanding": 0, "good": 100, "requires_improvement": 0, "inadequate": 0},
        "good_or_outstanding_percent": 100,
    }
    figures = {
        "as_at": "2024-03-31",
        "publication_cutoff": "2024-06-30",
        "period": {"start": "2023-04-01", "end": "2024-03-31"},
        "coverage": ["standard_inspection", "short_inspection", "focused_visit"],
        "overall_effectiveness": oe,
        "by_region": {"London": oe},
        "sub_judgements": {},
        "earlier_as_at": {"2023-03-31": oe},
        "change_since_earlier_inspection": {
            "compared_with": "first",
            "n": 0,
            "matrix": {"outstanding": {"improved": None, "retained": 0, "declined": 0}},
        },
        "in_year": {
            "visits": None,
            "las_visited": 2,
            "by_type": {
                "standard_inspection": 1,
                "short_inspection": 0,
                "focused_visit": 1,
                "monitoring_visit": None,
            },
            "graded": {"n": 1, "counts": {"good": 1}, "percent": {"good": 100}},
        },
    }
    meta = ReleaseMeta(
        title="Local authority inspection outcomes as at 31 March 2024",
        release_kind="la",
        simulated=simulated,
        publication_date="2024-08-30",
        source_description="simulated:/tmp/somewhere/sim",
        notes=["A note."],
    )
    return ReleaseContent(
        meta=meta,
        figures=figures,
        tables={"as_at": as_at, "in_year": in_year, "history": history, "history_former": []},
    )


@pytest.fixture(scope="module")
def real_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    content = real_content()
    folder = tmp_path_factory.mktemp("workbooks")
    return {ext: w(content, folder / f"underlying.{ext}") for ext, w in WRITERS.items()}


@pytest.mark.parametrize("ext", WRITERS)
def test_read_back_equals_the_model_cell_for_cell(real_files: dict[str, Path], ext: str) -> None:
    expected = model_rows(build_workbook(real_content()))
    got = read_back(real_files[ext])
    assert list(got) == list(expected)
    for name in expected:
        assert got[name] == expected[name], name


@pytest.mark.parametrize("ext", WRITERS)
def test_la_sheets_equal_the_content_tables(real_files: dict[str, Path], ext: str) -> None:
    content = real_content()
    wb = build_workbook(content)
    got = read_back(real_files[ext])
    sheet = wb.sheets[2]  # as at
    assert sheet.name == "As_at_31_March_2024"
    rows = table_rows(got[sheet.name], sheet)
    source = content.tables["as_at"]
    assert len(rows) == len(source) == content.figures["local_authorities"]["total"]
    header = got[sheet.name][sheet.header_row]
    oe_col = header[8]
    assert oe_col.startswith("Overall effectiveness")
    for row, src in zip(rows, source, strict=True):
        assert row[header[0]] == src["la_code"]
        assert row["Local authority"] == src["la_name"]
        expected_oe = LABELS[src["overall_effectiveness"]] if src["overall_effectiveness"] else None
        if expected_oe:
            assert row[oe_col] == expected_oe
        else:
            assert row[oe_col] in (NOT_AVAILABLE, NOT_APPLICABLE)
        if src["start_date"]:
            assert row["Start date"] == date.fromisoformat(src["start_date"])
    # counts of the sheet's judgements are the headline figures
    for j in JUDGEMENTS:
        n = sum(1 for r in rows if r[oe_col] == LABELS[j])
        assert n == content.figures["overall_effectiveness"]["counts"][j]
    for name, dataset in ((wb.sheets[3].name, "in_year"), ("ILACS_history", "history")):
        s = wb.sheet(name)
        assert len(table_rows(got[name], s)) == len(content.tables[dataset])


@pytest.mark.parametrize("ext", WRITERS)
def test_figure_sheets_equal_the_figures(real_files: dict[str, Path], ext: str) -> None:
    f = real_content().figures
    got = read_back(real_files[ext])
    wb = build_workbook(real_content())
    region = {
        r["Region"]: r
        for r in table_rows(
            got["Overall_effectiveness_region"], wb.sheet("Overall_effectiveness_region")
        )
    }
    for name, fig in f["by_region"].items():
        assert region[name]["LAs with a judgement"] == fig["n"]
        for j in JUDGEMENTS:
            assert region[name][f"{LABELS[j]} (number)"] == fig["counts"][j]
            assert region[name][f"{LABELS[j]} (%)"] == fig["percent"][j]
    assert (
        region["England"]["Good or outstanding (%)"]
        == f["overall_effectiveness"]["good_or_outstanding_percent"]
    )
    outcomes = {
        r["Overall effectiveness"]: r
        for r in table_rows(got["In_year_outcomes"], wb.sheet("In_year_outcomes"))
    }
    for j in JUDGEMENTS:
        assert outcomes[LABELS[j]]["Number of inspections"] == f["in_year"]["graded"]["counts"][j]
    activity = {
        r["Inspection or visit type"]: r["Number"]
        for r in table_rows(got["In_year_activity"], wb.sheet("In_year_activity"))
    }
    assert activity["Standard inspection"] == f["in_year"]["by_type"]["standard_inspection"]
    for t, label in (("focused_visit", "Focused visit"), ("monitoring_visit", "Monitoring visit")):
        expected = f["in_year"]["by_type"][t]
        assert activity[label] == (NOT_AVAILABLE if expected is None else expected)


@pytest.mark.parametrize("ext", WRITERS)
def test_dates_are_dates_and_numbers_are_numbers(real_files: dict[str, Path], ext: str) -> None:
    rows = read_back(real_files[ext])["ILACS_history"]
    header_at = next(i for i, r in enumerate(rows) if "Start date" in r)
    col = rows[header_at].index("Start date")
    code = rows[header_at].index(next(h for h in rows[header_at] if h.startswith("Old LA")))
    body = rows[header_at + 1 :]
    assert body and all(isinstance(r[col], date) for r in body)
    assert all(isinstance(r[code], int) for r in body)


@pytest.mark.parametrize("ext", WRITERS)
def test_building_twice_gives_identical_bytes(tmp_path: Path, ext: str) -> None:
    a = WRITERS[ext](small_content(), tmp_path / f"a.{ext}").read_bytes()
    b = WRITERS[ext](small_content(), tmp_path / f"b.{ext}").read_bytes()
    assert a == b
    # and in another process with another hash seed
    code = (
        "from tests.test_spreadsheet import WRITERS, small_content; "
        f"WRITERS['{ext}'](small_content(), r'{tmp_path / ('c.' + ext)}')"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, cwd=Path(__file__).resolve().parents[1]
    )
    assert (tmp_path / f"c.{ext}").read_bytes() == a


@pytest.mark.parametrize("ext", WRITERS)
def test_blanks_are_explained(tmp_path: Path, ext: str) -> None:
    content = small_content()
    got = read_back(WRITERS[ext](content, tmp_path / f"s.{ext}"))
    wb = build_workbook(content)
    rows = {
        r["Local authority"]: r
        for r in table_rows(got["As_at_31_March_2024"], wb.sheet("As_at_31_March_2024"))
    }
    cl = next(k for k in rows["Alpha"] if k.startswith("Experiences and progress of care"))
    oe = next(k for k in rows["Alpha"] if k.startswith("Overall effectiveness"))
    assert rows["Alpha"][cl] == "Outstanding"
    assert rows["Beta"][cl] == NOT_APPLICABLE  # not given before January 2023
    assert set(list(rows["Gamma"].values())[4:]) == {NOT_APPLICABLE}  # not yet inspected
    assert rows["Delta"][oe] == NOT_AVAILABLE  # should exist, missing from the source
    assert rows["Delta"]["Publication date"] == NOT_AVAILABLE
    visits = table_rows(got["In_year_2023_24"], wb.sheet("In_year_2023_24"))
    themes = next(k for k in visits[0] if k.startswith("Focused visit themes"))
    assert visits[0][themes] == NOT_APPLICABLE
    assert visits[1][themes] == "Front door; Care leavers"
    assert visits[1][oe] == NOT_APPLICABLE  # focused visits are not graded
    former = table_rows(got["ILACS_history_former_LAs"], wb.sheet("ILACS_history_former_LAs"))
    assert len(former) == 1 and set(former[0].values()) == {NOT_APPLICABLE}


@pytest.mark.parametrize("ext", WRITERS)
def test_cover_warns_of_simulated_data_and_names_the_licence(tmp_path: Path, ext: str) -> None:
    cover = [r[0] for r in read_back(WRITERS[ext](small_content(), tmp_path / f"s.{ext}"))["Cover"]]
    text = "\n".join(cover)
    assert cover[0] == "Local authority inspection outcomes as at 31 March 2024"
    assert "Simulated data" in cover and "simulated" in cover[cover.index("Simulated data") + 1]
    assert "Open Government Licence v3.0" in text
    assert "30 August 2024" in text  # publication date
    assert "/tmp/somewhere" not in text  # no local folders in outputs
    real = [
        r[0]
        for r in read_back(WRITERS[ext](small_content(simulated=False), tmp_path / f"r.{ext}"))[
            "Cover"
        ]
    ]
    assert "Simulated data" not in real


def test_write_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "new" / "u.ods"
    write_ods(small_content(), target)
    write_ods(small_content(), target)
    assert [p.name for p in target.parent.iterdir()] == ["u.ods"]  # no temporary files left
