"""Reading published inspection reports (PDF) into canonical records."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from inspection_outcomes.errors import InputError
from inspection_outcomes.model import frameworks, local_authorities
from inspection_outcomes.model.events import InspectionEvent
from inspection_outcomes.model.scale import JUDGEMENTS
from inspection_outcomes.sources.report_text import (
    ReportTextError,
    event_type_from_length,
    parse_date_range,
    parse_first_page,
)
from inspection_outcomes.sources.reports import ReportsRead, read_report, read_reports


@pytest.fixture(scope="session")
def report_dir(shared: Path) -> Path:
    return shared / "data" / "ilacs" / "reports"


@pytest.fixture(scope="session")
def folder_read(report_dir: Path) -> ReportsRead:
    return read_reports(report_dir)


@pytest.fixture(scope="session")
def all_reports(folder_read: ReportsRead) -> list[InspectionEvent]:
    return folder_read.events


def one(report_dir: Path, name: str) -> Path:
    """A report of the folder by its exact file name."""
    path = report_dir / name
    assert path.is_file(), f"{name} is not in {report_dir}"
    return path


def urn_la(path: Path) -> local_authorities.LocalAuthority:
    la = local_authorities.resolve_code(path.name.split("_")[0])
    assert la is not None
    return la


# --- the text rules -------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end", [
    ("11 to 15 March 2024", date(2024, 3, 11), date(2024, 3, 15)),
    ("9\u201324 November 2017", date(2017, 11, 9), date(2017, 11, 24)),
    ("4 June 2018\u201328 June 2018", date(2018, 6, 4), date(2018, 6, 28)),
    ("6 November \u2013 30 November 2017", date(2017, 11, 6), date(2017, 11, 30)),
    ("24 February 2025 to 7 March 2025", date(2025, 2, 24), date(2025, 3, 7)),
    ("29 December to 9 January 2026", date(2025, 12, 29), date(2026, 1, 9)),
])
def test_date_ranges(text: str, start: date, end: date) -> None:
    assert parse_date_range(text) == (start, end)


@pytest.mark.parametrize("text", ["March 2024", "11 to 15 Marsh 2024", "11 to 15"])
def test_bad_date_ranges(text: str) -> None:
    with pytest.raises(ReportTextError):
        parse_date_range(text)


def test_grades_split_over_lines_and_rows_in_any_order() -> None:
    page = ("1 \n Some Council \nInspection of children's social care services\n"
            "Inspection dates: 4 June to 15 June 2018 \nLead inspector: A Person HMI\n"
            "Judgement Grade \nThe experiences and progress of children who need \n"
            "help and protection \nRequires improvement \nto be good \n"
            "The impact of leaders on social work practice with \nchildren and families  "
            "Inadequate  \nOverall effectiveness  Requires improvement to be good \n"
            "Services for children in care are good.")
    text = parse_first_page(page)
    assert text.judgements == {"help_and_protection": "requires_improvement",
                               "impact_of_leaders": "inadequate",
                               "overall_effectiveness": "requires_improvement"}
    assert text.la_name == "Some"
    assert (text.start_date, text.end_date) == (date(2018, 6, 4), date(2018, 6, 15))


def test_label_without_grade_is_an_error() -> None:
    page = ("Inspection of X local authority children's services Inspection dates: 1 to 5 "
            "May 2023 Lead inspector: Y Judgement Grade Overall effectiveness To be decided")
    with pytest.raises(ReportTextError, match="overall_effectiveness"):
        parse_first_page(page)


def test_length_gives_the_type() -> None:
    assert event_type_from_length(date(2024, 3, 11), date(2024, 3, 15)) == "short_inspection"
    assert event_type_from_length(date(2024, 3, 4), date(2024, 3, 15)) == "standard_inspection"
    assert event_type_from_length(date(2024, 1, 1), date(2024, 3, 15)) == ""


# --- real reports, one of each layout ------------------------------------------------------

def test_ilacs_2018_report(report_dir: Path) -> None:
    path = one(report_dir, "80559_southend-on-sea__childrens_services_inspection_-_27_august_"
                          "2019.pdf")
    e = read_report(path)
    assert e.la_code == urn_la(path).la_code
    assert (e.start_date, e.end_date) == (date(2019, 7, 15), date(2019, 7, 26))
    assert e.publication_date == date(2019, 8, 27)  # from the file name
    assert e.framework == "ilacs_2018" and e.event_type == "standard_inspection"
    assert e.overall_effectiveness == "requires_improvement"
    assert e.help_and_protection == "requires_improvement"
    assert e.care_leavers is None  # judged with children in care until 2023
    assert e.children_in_care == "requires_improvement"


def test_ilacs_2023_report_with_care_leavers(report_dir: Path) -> None:
    path = one(report_dir, "80438_brighton_and_hove__childrens_services_inspection_-_16_may_"
                          "2024.pdf")
    e = read_report(path)
    assert e.la_code == urn_la(path).la_code
    assert (e.start_date, e.end_date) == (date(2024, 3, 11), date(2024, 3, 15))
    assert e.framework == "ilacs_2023" and e.event_type == "short_inspection"
    assert (e.overall_effectiveness, e.impact_of_leaders, e.help_and_protection,
            e.children_in_care, e.care_leavers) == (
        "outstanding", "outstanding", "good", "outstanding", "outstanding")


def test_2026_report_without_overall_effectiveness(report_dir: Path) -> None:
    path = one(report_dir, "80573_trafford__childrens_services_inspection_-_03_august_2026.pdf")
    e = read_report(path)
    assert e.framework == "ilacs_2026"
    assert e.overall_effectiveness is None
    assert (e.impact_of_leaders, e.help_and_protection, e.children_in_care,
            e.care_leavers) == ("inadequate", "inadequate", "good", "requires_improvement")


def test_sif_report(report_dir: Path) -> None:
    path = one(report_dir, "80462_doncaster__childrens_services_inspection_-_19_january_"
                          "2018.pdf")
    e = read_report(path)
    assert e.event_type == "sif_inspection" and e.framework == "sif"
    assert (e.start_date, e.end_date) == (date(2017, 11, 9), date(2017, 11, 24))
    assert e.publication_date == date(2018, 1, 19)  # 'Report published' on page 1
    assert e.impact_of_leaders is None
    assert all(getattr(e, a) == "good" for a in (
        "overall_effectiveness", "help_and_protection", "children_in_care", "care_leavers",
        "adoption_performance", "leadership_management_governance"))


def test_sif_re_inspection_in_2018_is_sif(report_dir: Path) -> None:
    e = read_report(one(report_dir,
                        "80567_surrey__childrens_services_inspection_-_16_may_2018.pdf"))
    assert e.start_date is not None and e.start_date.year == 2018
    assert e.framework == "sif"
    assert e.overall_effectiveness == "inadequate" and e.adoption_performance == "good"


def test_trust_title_resolves_to_its_la(report_dir: Path) -> None:
    path = one(report_dir, "80449_bradford__childrens_services_inspection_-_21_may_2026.pdf")
    assert read_report(path).la_name == urn_la(path).name


# --- every report -----------------------------------------------------------------------------

def test_every_file_gives_a_record_or_an_anomaly(report_dir: Path,
                                                folder_read: ReportsRead) -> None:
    """One unreadable report never stops the others: each file is accounted for."""
    files = sorted(p.name for p in report_dir.iterdir())
    assert [o.file for o in folder_read.outcomes] == files
    for o in folder_read.outcomes:
        assert o.event is not None or o.anomalies, o.file
        assert all(a.file == o.file and a.kind for a in o.anomalies)
    assert len(folder_read.events) + len(folder_read.not_read) == len(files)
    assert sum(folder_read.by_kind().values()) == len(folder_read.anomalies)


def test_every_record_read_is_complete(report_dir: Path,
                                       all_reports: list[InspectionEvent]) -> None:
    for e in all_reports:
        path = report_dir / e.source_file
        assert e.la_code == urn_la(path).la_code, e.source_file
        m = re.search(r"_(\d{2})_([a-z]+)_(\d{4})\.pdf$", e.source_file)
        assert m and e.publication_date is not None
        stated = e.extra.get("quote:publication_date")
        if stated:  # the report's own words (two SIF reports differ from their file name)
            assert e.publication_date.strftime("%-d %B %Y") in stated, e.source_file
        else:
            assert e.publication_date.strftime("%d_%B_%Y").lower() == "_".join(m.groups())
        assert e.start_date and e.end_date and e.start_date <= e.end_date
        assert e.event_type, e.source_file
        given = {a: getattr(e, a) for a in frameworks.ALL_AREAS if getattr(e, a)}
        assert set(given.values()) <= set(JUDGEMENTS)
        version = frameworks.by_id()[e.framework or ""]
        assert set(version.judgements) <= set(given), e.source_file
        if version.is_ilacs:
            assert version.in_force_on(e.start_date)


def test_html_pages_saved_as_pdf_are_anomalies(report_dir: Path,
                                                folder_read: ReportsRead) -> None:
    by_file = {o.file: o for o in folder_read.outcomes}
    for name in ("80429_birmingham__childrens_services_inspection_-_19_october_2012.pdf",
                 "80431_blackpool__childrens_services_inspection_-_13_july_2012.pdf",
                 "80490_bromley__childrens_services_inspection_-_17_august_2012.pdf",
                 "80543_rotherham__childrens_services_inspection_-_10_august_2012.pdf"):
        assert by_file[name].event is None
        assert [a.kind for a in by_file[name].anomalies] == ["not_a_pdf"]


def test_reading_is_deterministic(report_dir: Path, all_reports: list[InspectionEvent],
                                  tmp_path: Path) -> None:
    keys = [(e.la_code, e.start_date, e.source_file) for e in all_reports]
    assert keys == sorted(keys)
    for pdf in sorted(report_dir.glob("*.pdf"))[::30]:
        (tmp_path / pdf.name).symlink_to(pdf)
    serial = read_reports(tmp_path, workers=1).events
    parallel = read_reports(tmp_path, workers=2).events
    assert [e.as_row() for e in serial] == [e.as_row() for e in parallel]
    by_file = {e.source_file: e.as_row() for e in all_reports}
    assert [e.as_row() for e in serial] == [by_file[e.source_file] for e in serial]


def test_not_a_pdf(tmp_path: Path) -> None:
    bad = tmp_path / "80559_southend-on-sea__notes.pdf"
    bad.write_text("not a report")
    with pytest.raises(InputError, match="not a PDF") as e:
        read_report(bad)
    assert bad.name in str(e.value)


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no reports"):
        read_reports(tmp_path)


def test_a_bad_file_never_stops_the_folder(report_dir: Path, tmp_path: Path) -> None:
    good = "80438_brighton_and_hove__childrens_services_inspection_-_16_may_2024.pdf"
    (tmp_path / good).symlink_to(report_dir / good)
    (tmp_path / "80559_southend-on-sea__notes.pdf").write_text("not a report")
    for workers in (1, 2):
        read = read_reports(tmp_path, workers=workers)
        assert [e.source_file for e in read.events] == [good]
        assert read.not_read == ["80559_southend-on-sea__notes.pdf"]
        (a,) = read.anomalies
        assert a.kind == "not_a_pdf" and a.file == "80559_southend-on-sea__notes.pdf"


def test_pdf_that_is_not_a_report(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    blank = tmp_path / "80559_southend-on-sea__blank_-_01_may_2024.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with blank.open("wb") as f:
        writer.write(f)
    with pytest.raises(InputError) as e:
        read_report(blank)
    message = str(e.value)
    assert blank.name in message and "page 1" in message and "Inspection dates" in message
