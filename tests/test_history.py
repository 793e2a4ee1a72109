"""The history combined: precedence of a correction, a report and the scraped row; the
additions ledger and its validation; the one rule of comparability across frameworks; the
reports' reading cache."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from inspection_outcomes.checks.additions import ADDITION_COLUMNS, read_additions
from inspection_outcomes.checks.anomalies import Anomaly
from inspection_outcomes.checks.corrections import Correction
from inspection_outcomes.checks.history import History, combine
from inspection_outcomes.errors import InputError
from inspection_outcomes.model.events import InspectionEvent
from inspection_outcomes.model.frameworks import by_id, comparable, in_change_comparison
from inspection_outcomes.publications.la_outcomes.engine import history_note
from inspection_outcomes.sources import SourceSpec
from inspection_outcomes.sources.load import D2I_HOLDS, LoadedSource
from inspection_outcomes.sources.report_cache import folder_key, read_reports_cached
from inspection_outcomes.store.inspections import Warehouse

ROOT = Path(__file__).resolve().parents[1]
HARTLEPOOL = "E06000001"


def _scraped() -> LoadedSource:
    row = InspectionEvent(
        "d2i:80473:2018-08-28",
        HARTLEPOOL,
        "Hartlepool",
        "short_inspection",
        "ilacs_2018",
        date(2018, 7, 23),
        date(2018, 7, 27),
        date(2018, 8, 28),
        overall_effectiveness="good",
        impact_of_leaders="good",
        help_and_protection="requires_improvement",
        children_in_care="good",
        care_leavers="good",  # the scrape's error: ILACS 2018 gives no separate judgement
        source_file="history.csv",
        source_row=2,
    )
    return LoadedSource(SourceSpec("d2i", ROOT), records=[row], holds=D2I_HOLDS, source_values=[])


def _report(**changes: object) -> InspectionEvent:
    values: dict[str, object] = {
        "event_id": "report:80473:2018-08-28",
        "la_code": HARTLEPOOL,
        "la_name": "Hartlepool",
        "event_type": "short_inspection",
        "framework": "ilacs_2018",
        "start_date": date(2018, 7, 23),
        "end_date": date(2018, 7, 27),
        "publication_date": date(2018, 8, 28),
        "overall_effectiveness": "good",
        "impact_of_leaders": "good",
        "help_and_protection": "good",
        "children_in_care": "outstanding",
        "source_file": "80473_hartlepool.pdf",
        "source_row": 1,
        **changes,
    }
    return InspectionEvent(**values)  # type: ignore[arg-type]


def _record(wh: Warehouse, event_id: str) -> dict[str, object]:
    return wh.rows("SELECT * FROM events WHERE event_id = ?", [event_id])[0]


def test_a_report_beats_the_scraped_row_and_a_correction_beats_both() -> None:
    history = History(None, None)
    combined = combine(_scraped(), [_report()], [], [], history)
    correction = Correction(
        "d2i:80473:2018-08-28",
        "children_in_care",
        "good",  # the scrape's value: checked against what the source wrote
        "requires_improvement",
        "a later letter, page 1",
        "2026-12-07",
        2,
    )
    wh = Warehouse(combined, [correction])
    r = _record(wh, "d2i:80473:2018-08-28")
    assert r["help_and_protection"] == "good"  # the report's, over the scrape's
    assert r["care_leavers"] is None  # the report gives none: the scrape's value goes
    assert r["children_in_care"] == "requires_improvement"  # the correction's, over both
    assert wh.applications[0].applied
    assert [f.action for f in history.from_reports] == ["replaced"]
    assert wh.value("SELECT count(*) FROM events") == 1


def test_a_field_the_report_could_not_read_keeps_the_scraped_value() -> None:
    from inspection_outcomes.checks.anomalies import Anomaly

    report = _report(help_and_protection=None)
    unread = Anomaly("80473_hartlepool.pdf", 1, "help_and_protection", "", "", report.event_id)
    combined = combine(_scraped(), [report], [unread], [], History(None, None))
    assert combined.records is not None
    assert combined.records[0].help_and_protection == "requires_improvement"


def test_a_report_the_scrape_lacks_is_added() -> None:
    later = _report(
        event_id="report:80473:2022-01-10",
        start_date=date(2021, 11, 1),
        end_date=date(2021, 11, 12),
        publication_date=date(2022, 1, 10),
    )
    history = History(None, None)
    combined = combine(_scraped(), [_report(), later], [], [], history)
    assert combined.records is not None
    assert [e.event_id for e in combined.records] == [
        "d2i:80473:2018-08-28",
        "report:80473:2022-01-10",
    ]
    assert history.counts()["reports_added"] == 1


def test_a_report_of_no_graded_inspection_takes_its_scraped_row_out() -> None:
    """The scrape reads every row before 2018 as a graded inspection; a report whose title
    says it is not one (an LSCB-only review) settles the row of the same file: it leaves
    the figures, the QA says so, and a row of another day stays."""
    review = Anomaly(
        "80473_hartlepool__childrens_services_inspection_-_28_august_2018.pdf",
        1,
        "",
        "Review of the effectiveness of the Local Safeguarding Children Board",
        "an LSCB-only review, not an inspection of the LA's services",
        effect="no record from this file",
        kind="not_a_graded_report",
    )
    elsewhere = replace(review, file=review.file.replace("28_august", "29_august"))
    history = History(None, None)
    combined = combine(_scraped(), [], [review, elsewhere], [], history)
    assert combined.records is not None
    (row,) = combined.records
    assert (row.event_type, row.framework) == ("", None)
    assert history.counts()["reports_not_graded"] == 1
    assert [r.action for r in history.from_reports] == ["not_graded"]
    settled, untouched = combined.anomalies
    assert settled.effect.endswith("the scraped record d2i:80473:2018-08-28 is left out")
    assert untouched == elsewhere
    wh = Warehouse(combined, [])
    assert _record(wh, "d2i:80473:2018-08-28")["event_type"] == ""
    note = history_note(history)
    assert "1 report of no graded inspection (the figures leave out the scraped record" in note


def test_the_additions_ledger() -> None:
    additions = read_additions(ROOT / "corrections" / "additions.csv")
    # LAs that no longer exist, whose inspections the scrape (today's LAs only) and the
    # reports folder lack: Cumbria (../shared evidence), and the LAs of the 2019 and 2021
    # structural changes, from the secondary sources each row names.
    assert {a.event.la_code for a in additions} == {
        "E10000006",  # Cumbria
        "E06000028",  # Bournemouth
        "E06000029",  # Poole
        "E10000009",  # Dorset (the county council, until 31 March 2019)
        "E10000021",  # Northamptonshire
    }
    for a in additions:
        assert a.source.startswith(("https://", "http://")) and a.quote and a.evidence
        assert a.event.overall_effectiveness
    combined = combine(_scraped(), None, [], additions, History(None, None))
    assert combined.records is not None and len(combined.records) == 1 + len(additions)


def _ledger(tmp_path: Path, **row: str) -> Path:
    good = (ROOT / "corrections" / "additions.csv").read_text(encoding="utf-8").splitlines()
    header, first = good[0], good[1]
    path = tmp_path / "additions.csv"
    import csv
    import io

    values = next(csv.DictReader(io.StringIO(header + "\n" + first)))
    values.update(row)
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(ADDITION_COLUMNS))
    w.writeheader()
    w.writerow(values)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ({"overall_effectiveness": "adequate"}, "overall_effectiveness", "not a judgement"),
        ({"end_date": "25/03/2015"}, "end_date", "not an ISO date"),
        ({"quote": ""}, "quote", "empty"),
        ({"la_code": "E99999999"}, "la_code", "not a known LA code"),
        ({"dates": "about"}, "dates", "not one of stated, bounds"),
        ({"framework": "ilacs"}, "framework", "not one of"),
        ({"publication_date": "2015-03-01"}, "publication_date", "before end_date"),
    ],
)
def test_a_bad_addition_is_one_clear_error(
    tmp_path: Path, row: dict[str, str], field: str, words: str
) -> None:
    path = _ledger(tmp_path, **row)
    with pytest.raises(InputError) as e:
        read_additions(path)
    message = str(e.value)
    assert "additions.csv" in message and "row 2" in message and field in message
    assert words in message and "\n" not in message


def test_an_addition_a_source_holds_is_refused(tmp_path: Path) -> None:
    path = _ledger(
        tmp_path,
        la_code=HARTLEPOOL,
        start_date="2018-07-23",
        end_date="2018-07-27",
        publication_date="2018-08-28",
    )
    with pytest.raises(InputError, match="a source holds"):
        combine(_scraped(), None, [], read_additions(path), History(None, path))


def test_comparability_is_decided_in_one_place() -> None:
    v = by_id()
    assert comparable(v["ilacs_2018"], v["ilacs_2023"])
    assert not comparable(v["sif"], v["ilacs_2018"])
    assert not comparable(v["cpi"], v["sif"])
    assert not comparable(v["ilacs_2026"], v["ilacs_2023"])  # no overall effectiveness
    assert comparable(v["ilacs_2026"], v["ilacs_2023"], "care_leavers")
    assert not comparable(v["ilacs_2018"], v["ilacs_2023"], "care_leavers")
    assert [f for f in v if in_change_comparison(v[f])] == ["ilacs_2018", "ilacs_2023"]


def test_the_reading_is_cached_until_a_report_changes(
    shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in sorted(p.name for p in (shared / "data" / "ilacs" / "reports").iterdir())[:3]:
        shutil.copy2(shared / "data" / "ilacs" / "reports" / name, folder / name)
    monkeypatch.setenv("INSPECTION_OUTCOMES_CACHE", str(tmp_path / "cache"))
    first = read_reports_cached(folder)
    key = folder_key(folder)
    assert (tmp_path / "cache" / f"reports-{key}.json").is_file()
    assert read_reports_cached(folder) == first  # from the cache: the same records
    (folder / sorted(p.name for p in folder.iterdir())[0]).unlink()
    assert folder_key(folder) != key
    assert len(read_reports_cached(folder)[0]) < len(first[0])


def test_a_records_file_reads_back_the_records(shared: Path, tmp_path: Path) -> None:
    """`--reports FILE.csv`: the records `outcomes reports extract --out` wrote."""
    from inspection_outcomes.sources.report_cache import reports_records
    from inspection_outcomes.sources.report_output import write_events_csv
    from inspection_outcomes.sources.reports import read_reports

    folder = tmp_path / "reports"
    folder.mkdir()
    for name in sorted(p.name for p in (shared / "data" / "ilacs" / "reports").iterdir())[:4]:
        shutil.copy2(shared / "data" / "ilacs" / "reports" / name, folder / name)
    read = read_reports(folder, workers=1)
    write_events_csv(read.events, tmp_path / "records.csv")
    events, anomalies = reports_records(tmp_path / "records.csv")
    assert [e.as_row() for e in events] == [e.as_row() for e in read.events]
    assert anomalies == []


def test_a_bad_additions_ledger_stops_the_command_with_one_line(
    shared: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    path = _ledger(tmp_path, care_leavers="very good")
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "inspection_outcomes",
            "figures",
            "--as-at",
            "2024-03-31",
            "--source",
            f"d2i:{shared / 'data' / 'ilacs' / 'ofsted_csc_ilacs_history.csv'}",
            "--additions",
            str(path),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 2 and p.stdout == ""
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "row 2" in lines[0] and "care_leavers" in lines[0]


def test_every_kind_of_dates_reads_in_the_qa_report() -> None:
    """Each value the ledger's `dates` takes has its words on the QA page, and those that
    make a date a bound say so."""
    from inspection_outcomes.checks.additions import BOUND_DATES
    from inspection_outcomes.publications.la_outcomes.qa_page import BOUNDS_SAID

    assert set(BOUNDS_SAID) == set(BOUND_DATES)
    assert all(bool(BOUNDS_SAID[k]) == bool(v) for k, v in BOUND_DATES.items())
