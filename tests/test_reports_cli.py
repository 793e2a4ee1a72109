"""`outcomes reports extract` and `outcomes reports verify`, and the D2I corrections ledger."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from inspection_outcomes.checks.report_checks import LEDGER_COLUMNS, matters
from inspection_outcomes.cli import app
from inspection_outcomes.model.events import COLUMNS, JUDGEMENT_COLUMNS
from inspection_outcomes.model.scale import parse_grade
from inspection_outcomes.sources.load import load_la_source
from inspection_outcomes.sources.reports import read_reports

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "corrections" / "d2i-ilacs.csv"
runner = CliRunner()


@pytest.fixture(scope="module")
def paths(shared: Path) -> dict[str, Path]:
    ilacs = shared / "data" / "ilacs"
    return {"reports": ilacs / "reports", "d2i": ilacs / "ofsted_csc_ilacs_history.csv"}


@pytest.fixture(scope="module")
def verified(
    paths: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Any], list[dict[str, str]]]:
    ledger = tmp_path_factory.mktemp("ledger") / "ledger.csv"
    r = runner.invoke(
        app,
        [
            "reports",
            "verify",
            "--source",
            f"d2i:{paths['d2i']}",
            "--reports",
            str(paths["reports"]),
            "--format",
            "json",
            "--ledger",
            str(ledger),
            "--ledger-date",
            "2026-11-23",
        ],
    )
    # The folder holds files that are not graded reports (HTML pages saved as .pdf...).
    assert r.exit_code == 1, r.output
    with ledger.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return json.loads(r.stdout), rows


def subset(paths: dict[str, Path], folder: Path, names: tuple[str, ...]) -> Path:
    """A folder of links to reports named by their exact file names."""
    folder.mkdir()
    for name in names:
        pdf = paths["reports"] / name
        assert pdf.is_file(), name
        (folder / pdf.name).symlink_to(pdf)
    return folder


def test_extract_writes_canonical_csv(paths: dict[str, Path], tmp_path: Path) -> None:
    folder = subset(
        paths,
        tmp_path / "reports",
        (
            "80573_trafford__childrens_services_inspection_-_03_august_2026.pdf",
            "80462_doncaster__childrens_services_inspection_-_19_january_2018.pdf",
            "80438_brighton_and_hove__childrens_services_inspection_-_16_may_2024.pdf",
        ),
    )
    out = tmp_path / "events.csv"
    r = runner.invoke(app, ["reports", "extract", str(folder), "--out", str(out)])
    assert r.exit_code == 0, r.output
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) - 1 == len(list(folder.iterdir()))
    events = read_reports(folder).events
    expected = [
        ["" if v is None else v.isoformat() if isinstance(v, date) else str(v) for v in e.as_row()]
        for e in events
    ]
    assert rows[1:] == expected
    # A user with only the PDFs can load the extract as a canonical source.
    loaded = load_la_source(f"canonical:{out}").events()
    assert sorted(e.as_row() for e in loaded) == sorted(e.as_row() for e in events)
    again = tmp_path / "again.csv"
    runner.invoke(app, ["reports", "extract", str(folder), "--out", str(again)])
    assert again.read_bytes() == out.read_bytes()


def test_verify_counts(
    verified: tuple[dict[str, Any], list[dict[str, str]]], paths: dict[str, Path]
) -> None:
    result, _ = verified
    reading = result["reading"]
    assert reading["files"] == len(list(paths["reports"].iterdir()))
    assert reading["read"] + reading["not_read"] == reading["files"]
    assert result["checked"] == reading["records"] == reading["read"]
    assert (
        sum(reading["anomalies_by_kind"].values())
        == reading["anomalies"]
        == len(reading["anomaly_details"])
    )
    # What gives no record: the four HTML pages, the four 2013 inspections of looked after
    # children services and the LSCB review; each other file is a report, and each matches.
    assert reading["not_read"] == 9
    assert {
        k: n for k, n in reading["anomalies_by_kind"].items() if k != "start_date_not_stated"
    } == {"not_a_graded_report": 5, "not_a_pdf_html_page": 4}
    assert result["unmatched"] == [] and result["matched"] == result["checked"]
    assert result["matched"] + len(result["unmatched"]) == result["checked"]
    judgement_disagreements = [
        d for d in result["disagreements"] if d["field"] in JUDGEMENT_COLUMNS
    ]
    assert result["judgements_checked"] - result["judgements_agreeing"] == len(
        judgement_disagreements
    )
    assert result["judgements_agreeing"] > 0


def test_verify_finds_the_known_failures(
    verified: tuple[dict[str, Any], list[dict[str, str]]],
) -> None:
    result, _ = verified
    found = {
        (d["report"].split("__")[0] + "@" + d["record"].rsplit(":", 1)[1], d["field"]): (
            d["report_value"],
            d["record_value"],
        )
        for d in result["disagreements"]
    }
    for la in ("80559_southend-on-sea@2019-08-27", "80533_nottingham@2019-01-07"):
        assert found[(la, "help_and_protection")] == ("requires_improvement", "")
        assert found[(la, "overall_effectiveness")] == ("requires_improvement", "")
    assert found[("80438_brighton_and_hove@2024-05-16", "start_date")] == ("2024-03-11", "")
    assert found[("80438_brighton_and_hove@2024-05-16", "event_type")] == ("short_inspection", "")
    for la in ("80533_nottingham@2022-09-05", "80541_redcar_and_cleveland@2022-09-22"):
        assert found[(la, "end_date")][1] == ""
        assert found[(la, "event_type")] == ("standard_inspection", "")


#: Clean grades of the source that its report contradicts: (report, field) -> (report's grade,
#: source's text). Read from page 1 of each report; the source's row is shifted or garbled.
CLEAN_DISAGREEMENTS = {
    ("80542_rochdale__childrens_services_inspection_-_12_march_2018.pdf", "children_in_care"): (
        "good",
        "requires improvement",
    ),
    (
        "80560_st_helens__childrens_services_inspection_-_04_september_2023.pdf",
        "help_and_protection",
    ): ("requires_improvement", "good"),
    (
        "80560_st_helens__childrens_services_inspection_-_04_september_2023.pdf",
        "children_in_care",
    ): ("good", "requires improvement"),
    ("80560_st_helens__childrens_services_inspection_-_04_september_2023.pdf", "care_leavers"): (
        "outstanding",
        "good",
    ),
}


#: Other fields of the source that its report contradicts: (report, field) -> (report's value,
#: source's). South Tyneside 2023 was inspected in two periods, of which the source has the
#: first; six SIF reports state a publication date before the one of their listing.
FIELD_DISAGREEMENTS = {
    ("80557_south_tyneside__childrens_services_inspection_-_10_may_2023.pdf", "end_date"): (
        "2023-02-15",
        "2022-12-09",
    ),
    (
        "80477_kingston_upon_hull__single_inspection_of_la_childrens_services_as_pdf_-_10_"
        "february_2015.pdf",
        "publication_date",
    ): ("2015-02-03", "2015-02-10"),
    (
        "80564_stoke-on-trent__childrens_services_inspection_-_12_august_2015.pdf",
        "publication_date",
    ): ("2015-08-10", "2015-08-12"),
    ("80577_west_berkshire__childrens_services_inspection_-_18_may_2015.pdf", "publication_date"): (
        "2015-05-13",
        "2015-05-18",
    ),
    (
        "80521_manchester__childrens_services_inspection_-_03_september_2014.pdf",
        "publication_date",
    ): ("2014-09-01", "2014-09-03"),
    ("80496_hackney__childrens_services_inspection_-_21_september_2016.pdf", "publication_date"): (
        "2016-09-20",
        "2016-09-21",
    ),
    ("80418_norfolk__childrens_services_inspection_-_20_october_2015.pdf", "publication_date"): (
        "2015-10-19",
        "2015-10-20",
    ),
}


def test_verify_agrees_where_the_source_read_the_report(
    verified: tuple[dict[str, Any], list[dict[str, str]]], paths: dict[str, Path]
) -> None:
    """Every disagreement is a value the source could not read, save the known ones."""
    result, _ = verified
    raw = {(i, f): v for i, f, v in load_la_source(f"d2i:{paths['d2i']}").source_values}
    clean = {}
    fields = {}
    for d in result["disagreements"]:
        held = raw.get((d["record"], d["field"]), d["record_value"])
        if d["field"] in JUDGEMENT_COLUMNS and d["report_value"]:
            if parse_grade(held) is not None:
                clean[(d["report"], d["field"])] = (d["report_value"], held)
        elif d["field"] in JUDGEMENT_COLUMNS:
            # A grade the report does not give (care leavers before 2023).
            assert d["field"] == "care_leavers" and d["record_value"], d
        elif d["record_value"]:
            fields[(d["report"], d["field"])] = (d["report_value"], d["record_value"])
    assert clean == CLEAN_DISAGREEMENTS
    assert fields == FIELD_DISAGREEMENTS


def test_ledger_is_the_verified_disagreements(
    verified: tuple[dict[str, Any], list[dict[str, str]]], paths: dict[str, Path], tmp_path: Path
) -> None:
    """Each record the ledger corrects has all its drafted corrections, and only those.

    The ledger was drafted from a smaller folder; the draft now also holds the corrections of
    SIF reports read since, and of the clean disagreements above, which are not in the ledger
    until reviewed.
    """
    result, drafted = verified
    with LEDGER.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == LEDGER_COLUMNS
        committed = list(reader)
    corrected = {r["record"] for r in committed}
    assert committed == [r for r in drafted if r["record"] in corrected]
    by_record = {d["record"]: d["report"] for d in result["disagreements"]}
    clean_reports = {report for report, _ in (*CLEAN_DISAGREEMENTS, *FIELD_DISAGREEMENTS)}
    new = sorted({by_record[r["record"]] for r in drafted if r["record"] not in corrected})
    sif = {
        e.source_file
        for e in read_reports(subset(paths, tmp_path / "new", tuple(new))).events
        if e.event_type == "sif_inspection"
    }
    assert set(new) <= clean_reports | sif
    disagreements = {(d["record"], d["field"], d["report_value"]) for d in result["disagreements"]}
    assert {(r["record"], r["field"], r["corrected_value"]) for r in committed} <= disagreements
    assert all(
        r["date"] == "2026-11-23" and r["evidence"].split(",")[0].endswith(".pdf")
        for r in committed
    )


def test_ledger_applies_to_the_source(paths: dict[str, Path]) -> None:
    import duckdb

    from inspection_outcomes.checks.corrections import apply_corrections, read_ledger

    con = duckdb.connect()
    load_la_source(f"d2i:{paths['d2i']}").load_into(con)
    results = apply_corrections(con, read_ledger(LEDGER))
    assert results and all(r.applied for r in results), [
        r.as_dict() for r in results if not r.applied
    ]


def test_sif_report_matters_until_the_next_inspection(
    paths: dict[str, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "doncaster"
    folder.mkdir()
    for pdf in paths["reports"].glob("80462_doncaster__*.pdf"):
        (folder / pdf.name).symlink_to(pdf)
    reports = read_reports(folder).events
    assert len(reports) > 1
    records = load_la_source(f"d2i:{paths['d2i']}").events()
    by_file = {e.source_file: e for e in reports}
    sif = by_file["80462_doncaster__childrens_services_inspection_-_19_january_2018.pdf"]
    earlier = by_file["80462_doncaster__childrens_services_inspection_-_27_november_2015.pdf"]
    assert sif.event_type == earlier.event_type == "sif_inspection"
    following = min(
        (e for e in reports if (e.start_date or date.min) > (sif.start_date or date.max)),
        key=lambda e: e.start_date or date.max,
    )
    assert following.end_date is not None
    first_after = date(following.end_date.year + (following.end_date.month > 3), 3, 31)
    years = matters(sif, records, reports)
    assert years and years[0] == date(2019, 3, 31)
    assert max(years) < first_after
    assert matters(earlier, records, reports) == []  # superseded by the 2017 re-inspection


def test_verify_table(paths: dict[str, Path], tmp_path: Path) -> None:
    folder = subset(
        paths,
        tmp_path / "reports",
        ("80559_southend-on-sea__childrens_services_inspection_-_27_august_2019.pdf",),
    )
    r = runner.invoke(
        app,
        [
            "reports",
            "verify",
            "--source",
            f"d2i:{paths['d2i']}",
            "--reports",
            str(folder),
            "--format",
            "table",
        ],
        env={"COLUMNS": "200"},
    )
    assert r.exit_code == 0, r.output
    assert "help_and_protection" in r.stdout and "checked 1 reports" in r.stdout


def _args(command: str, paths: dict[str, Path], folder: Path) -> list[str]:
    if command == "extract":
        return ["reports", "extract", str(folder)]
    return ["reports", "verify", "--source", f"d2i:{paths['d2i']}", "--reports", str(folder)]


@pytest.mark.parametrize("command", ["extract", "verify"])
def test_unusable_folder_is_one_line_and_exit_2(
    command: str, paths: dict[str, Path], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    a_file = tmp_path / "a_file.pdf"
    a_file.write_text("x")
    for folder, expected in (
        (empty, "no reports"),
        (tmp_path / "missing", "folder"),
        (a_file, "folder"),
    ):
        r = runner.invoke(app, _args(command, paths, folder))
        assert r.exit_code == 2, r.output
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0] and "Traceback" not in r.output


@pytest.mark.parametrize("command", ["extract", "verify"])
def test_unreadable_file_is_an_anomaly_and_exit_1(
    command: str, paths: dict[str, Path], tmp_path: Path
) -> None:
    folder = subset(
        paths,
        tmp_path / "reports",
        ("80438_brighton_and_hove__childrens_services_inspection_-_16_may_2024.pdf",),
    )
    (folder / "80559_southend-on-sea__notes.pdf").write_text("minutes of a meeting")
    anomalies = tmp_path / "anomalies.csv"
    r = runner.invoke(app, [*_args(command, paths, folder), "--anomalies", str(anomalies)])
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    assert "2 files: 1 read, 1 not read; 1 records" in r.output
    assert "not_a_pdf 1" in r.output
    with anomalies.open(encoding="utf-8", newline="") as f:
        (row,) = csv.DictReader(f)
    assert row["file"] == "80559_southend-on-sea__notes.pdf" and row["kind"] == "not_a_pdf"
    if command == "extract":  # the record of the readable report is still written
        rows = list(csv.reader(r.stdout.splitlines()))
        assert tuple(rows[0]) == COLUMNS and len(rows) == 2


def test_reports_source_carries_its_anomalies(paths: dict[str, Path], tmp_path: Path) -> None:
    """As a source of a release (reports:DIR), what could not be read goes to its QA."""
    folder = subset(
        paths,
        tmp_path / "reports",
        (
            "80438_brighton_and_hove__childrens_services_inspection_-_16_may_2024.pdf",
            "80490_bromley__childrens_services_inspection_-_17_august_2012.pdf",
        ),
    )
    loaded = load_la_source(f"reports:{folder}")
    assert [e.source_file for e in loaded.events()] == [
        "80438_brighton_and_hove__childrens_services_inspection_-_16_may_2024.pdf"
    ]
    assert [(a.file, a.kind) for a in loaded.anomalies] == [
        ("80490_bromley__childrens_services_inspection_-_17_august_2012.pdf", "not_a_pdf_html_page")
    ]
    assert loaded.anomalies[0].as_dict()["kind"] == "not_a_pdf_html_page"


@pytest.mark.parametrize("command", ["extract", "verify"])
def test_help_states_the_exit_status(command: str) -> None:
    r = runner.invoke(app, ["reports", command, "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    text = " ".join(r.stdout.split())
    assert "Exit status: 0 every file read completely; 1 some file or field not read; 2 bad" in text
