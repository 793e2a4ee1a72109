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
from inspection_outcomes.sources.report_text import parse_day
from inspection_outcomes.sources.reports import (
    ReportsRead,
    read_report,
    read_report_outcome,
    read_reports,
)


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


# --- real reports, one of each layout ------------------------------------------------------


def test_ilacs_2018_report(report_dir: Path) -> None:
    path = one(
        report_dir, "80559_southend-on-sea__childrens_services_inspection_-_27_august_2019.pdf"
    )
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
    path = one(
        report_dir, "80438_brighton_and_hove__childrens_services_inspection_-_16_may_2024.pdf"
    )
    e = read_report(path)
    assert e.la_code == urn_la(path).la_code
    assert (e.start_date, e.end_date) == (date(2024, 3, 11), date(2024, 3, 15))
    assert e.framework == "ilacs_2023" and e.event_type == "short_inspection"
    assert (
        e.overall_effectiveness,
        e.impact_of_leaders,
        e.help_and_protection,
        e.children_in_care,
        e.care_leavers,
    ) == ("outstanding", "outstanding", "good", "outstanding", "outstanding")


def test_2026_report_without_overall_effectiveness(report_dir: Path) -> None:
    path = one(report_dir, "80573_trafford__childrens_services_inspection_-_03_august_2026.pdf")
    e = read_report(path)
    assert e.framework == "ilacs_2026"
    assert e.overall_effectiveness is None
    assert (e.impact_of_leaders, e.help_and_protection, e.children_in_care, e.care_leavers) == (
        "inadequate",
        "inadequate",
        "good",
        "requires_improvement",
    )


def test_sif_report(report_dir: Path) -> None:
    path = one(report_dir, "80462_doncaster__childrens_services_inspection_-_19_january_2018.pdf")
    e = read_report(path)
    assert e.event_type == "sif_inspection" and e.framework == "sif"
    assert (e.start_date, e.end_date) == (date(2017, 11, 9), date(2017, 11, 24))
    assert e.publication_date == date(2018, 1, 19)  # 'Report published' on page 1
    assert e.impact_of_leaders is None
    assert all(
        getattr(e, a) == "good"
        for a in (
            "overall_effectiveness",
            "help_and_protection",
            "children_in_care",
            "care_leavers",
            "adoption_performance",
            "leadership_management_governance",
        )
    )


def test_sif_re_inspection_in_2018_is_sif(report_dir: Path) -> None:
    e = read_report(
        one(report_dir, "80567_surrey__childrens_services_inspection_-_16_may_2018.pdf")
    )
    assert e.start_date is not None and e.start_date.year == 2018
    assert e.framework == "sif"
    assert e.overall_effectiveness == "inadequate" and e.adoption_performance == "good"


def test_trust_title_resolves_to_its_la(report_dir: Path) -> None:
    path = one(report_dir, "80449_bradford__childrens_services_inspection_-_21_may_2026.pdf")
    assert read_report(path).la_name == urn_la(path).name


def grades(e: InspectionEvent) -> tuple[str | None, ...]:
    """The SIF grades of a record in the order reports list them: overall, help and
    protection, looked after, adoption, care leavers, leadership."""
    return (
        e.overall_effectiveness,
        e.help_and_protection,
        e.children_in_care,
        e.adoption_performance,
        e.care_leavers,
        e.leadership_management_governance,
    )


RI, G, OUT, INAD = "requires_improvement", "good", "outstanding", "inadequate"


def test_ilacs_2018_grade_after_a_full_stop(report_dir: Path) -> None:
    """Cheshire East 2020: '... with children and families. Requires improvement to be good'."""
    e = read_report(
        one(report_dir, "80447_cheshire_east__childrens_services_inspection_-_09_january_2020.pdf")
    )
    assert e.framework == "ilacs_2018" and e.event_type == "standard_inspection"
    assert (e.start_date, e.end_date) == (date(2019, 11, 18), date(2019, 11, 29))
    assert (
        e.overall_effectiveness,
        e.impact_of_leaders,
        e.help_and_protection,
        e.children_in_care,
        e.care_leavers,
    ) == (RI, RI, RI, RI, None)


def test_ilacs_in_two_periods_on_one_line(report_dir: Path) -> None:
    """South Tyneside 2023: 'Inspection dates: 5 to 9 December 2022 and 14 to 15 February
    2023'. First day to last; one week on site in all, so short; the framework of the first
    day (children in care and care leavers judged together)."""
    e = read_report(
        one(report_dir, "80557_south_tyneside__childrens_services_inspection_-_10_may_2023.pdf")
    )
    assert (e.start_date, e.end_date) == (date(2022, 12, 5), date(2023, 2, 15))
    assert e.event_type == "short_inspection" and e.framework == "ilacs_2018"
    assert e.extra["periods"] == "2022-12-05/2022-12-09;2023-02-14/2023-02-15"
    assert e.extra["quote:dates"] == (
        "Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023"
    )
    assert (
        e.overall_effectiveness,
        e.impact_of_leaders,
        e.help_and_protection,
        e.children_in_care,
    ) == (INAD, INAD, RI, INAD)


def test_2026_report_with_other_wording_of_leaders(report_dir: Path) -> None:
    """North Northamptonshire 2026: 'The impact of leaders on practice with children and
    families'; no overall effectiveness from April 2026."""
    e = read_report(
        one(
            report_dir,
            "2637539_north_northamptonshire__childrens_services_inspection_-_07_july_2026.pdf",
        )
    )
    assert e.framework == "ilacs_2026" and e.event_type == "standard_inspection"
    assert (
        e.overall_effectiveness,
        e.impact_of_leaders,
        e.help_and_protection,
        e.children_in_care,
        e.care_leavers,
    ) == (None, OUT, G, G, G)


def test_sif_overall_judgement_sentence_and_lscb_in_its_section(report_dir: Path) -> None:
    """Isle of Wight 2014: 'The overall judgement is that children's services require
    improvement'; the LSCB's judgement on page 35, where the contents put it."""
    e = read_report(
        one(report_dir, "80419_isle_of_wight__childrens_services_inspection_-_19_november_2014.pdf")
    )
    assert e.event_type == "sif_inspection" and e.framework == "sif"
    assert (e.start_date, e.end_date, e.publication_date) == (
        date(2014, 9, 16),
        date(2014, 10, 8),
        date(2014, 11, 19),
    )
    assert grades(e) == (RI,) * 6
    assert e.extra["quote:overall_effectiveness"] == (
        "The overall judgement is that children's services require improvement"
    )
    assert e.extra["lscb_review"] == RI and e.extra["page:lscb_review"] == "35"


def test_sif_lscb_judgement_on_page_1(report_dir: Path) -> None:
    """Barnsley 2014: 'The effectiveness of the Local Safeguarding Children Board (LSCB) is
    requires improvement'."""
    e = read_report(
        one(report_dir, "80426_barnsley__childrens_services_inspection_-_08_august_2014.pdf")
    )
    assert grades(e) == (RI, RI, RI, RI, G, RI)
    assert (e.start_date, e.end_date) == (date(2014, 6, 2), date(2014, 6, 25))
    assert e.extra["lscb_review"] == RI and "page:lscb_review" not in e.extra


def test_sif_judgements_continued_on_page_2(report_dir: Path) -> None:
    """Oldham 2015: care leavers and leadership are on page 2."""
    e = read_report(
        one(report_dir, "80535_oldham__childrens_services_inspection_-_03_august_2015.pdf")
    )
    assert grades(e) == (RI, RI, RI, G, RI, RI)
    assert e.extra["page:care_leavers"] == e.extra["page:leadership_management_governance"] == "2"


@pytest.mark.parametrize(
    "name, start, end",
    [
        (
            "80512_redbridge__childrens_services_inspection_-_25_november_2016.pdf",  # 12/09/2016
            date(2016, 9, 12),
            date(2016, 10, 6),
        ),
        (
            "80527_north_lincolnshire__childrens_services_inspection_-_04_september_2017.pdf",
            date(2017, 6, 20),
            date(2017, 7, 13),
        ),  # '20 June 2017 ─ 13 July 2017'
        (
            "80449_bradford__childrens_services_inspection_-_23_may_2014.pdf",  # '18 Feb 2014'
            date(2014, 2, 18),
            date(2014, 3, 12),
        ),
        (
            "80551_sheffield__childrens_services_inspection_-_21_february_2014.pdf",  # two periods
            date(2013, 11, 19),
            date(2014, 1, 30),
        ),
    ],
)
def test_sif_dates_however_written(report_dir: Path, name: str, start: date, end: date) -> None:
    e = read_report(one(report_dir, name))
    assert (e.start_date, e.end_date) == (start, end) and e.framework == "sif"
    assert all(getattr(e, a) for a in frameworks.by_id()["sif"].judgements)


def test_sif_single_inspection_date(report_dir: Path) -> None:
    """City of London 2016 states one date, 'Inspection date: 28 July 2016': the last day;
    the first is not stated (an anomaly, not a guess)."""
    outcome = read_report_outcome(
        one(
            report_dir,
            "80450_london_corporation__childrens_services_inspection_-_20_september_2016.pdf",
        )
    )
    e = outcome.event
    assert e is not None and (e.start_date, e.end_date) == (None, date(2016, 7, 28))
    assert grades(e) == (G, G, G, None, G, OUT)  # adoption performance not judged
    assert e.extra["not_judged"] == "adoption_performance"
    assert [(a.kind, a.field, a.row) for a in outcome.anomalies] == [
        ("start_date_not_stated", "start_date", 1)
    ]


def test_sif_areas_not_judged(report_dir: Path) -> None:
    """Isles of Scilly 2016: children looked after, adoption and care leavers 'Not judged'."""
    outcome = read_report_outcome(
        one(report_dir, "80455_isles_of_scilly__childrens_services_inspection_-_27_june_2016.pdf")
    )
    assert outcome.event is not None and not outcome.anomalies
    assert grades(outcome.event) == (G, G, None, None, None, G)
    assert outcome.event.extra["not_judged"] == (
        "children_in_care;adoption_performance;care_leavers"
    )


@pytest.mark.parametrize(
    "name, expected, quote",
    [
        (
            "80520_luton__childrens_services_inspection_-_29_march_2016.pdf",
            (RI, RI, RI, RI, G, RI),
            "Children's services require improvement to be good",
        ),
        (
            "80581_wirral__childrens_services_inspection_-_20_september_2016.pdf",  # '1. Leadership'
            (INAD, INAD, RI, RI, INAD, INAD),
            "Children's services in Wirral are inadequate",
        ),
        (
            "80432_bolton__childrens_services_inspection_-_21_march_2014.pdf",
            (RI, RI, G, G, G, RI),
            "The overall judgement is requires improvement",
        ),
        (
            "80555_somerset__childrens_services_inspection_-_27_march_2015.pdf",
            (INAD, INAD, INAD, RI, INAD, INAD),
            "The overall judgement is that children's services are inadequate",
        ),
    ],
)
def test_sif_wordings(report_dir: Path, name: str, expected: tuple[str, ...], quote: str) -> None:
    e = read_report(one(report_dir, name))
    assert grades(e) == expected and e.extra["quote:overall_effectiveness"] == quote


def test_sif_without_report_published_takes_the_file_name(report_dir: Path) -> None:
    e = read_report(
        one(report_dir, "80432_bolton__childrens_services_inspection_-_21_march_2014.pdf")
    )
    assert "quote:publication_date" not in e.extra
    assert e.publication_date == date(2014, 3, 21)


def test_sif_wording_in_2018_is_sif(report_dir: Path) -> None:
    """Lambeth 2018 began in the first month of ILACS, but its report says it is a SIF
    inspection ('Inspection of services for children in need of help and protection, ...')."""
    e = read_report(
        one(report_dir, "80506_lambeth__childrens_services_inspection_-_09_may_2018.pdf")
    )
    assert (
        e.start_date == date(2018, 1, 29)
        and frameworks.framework_on(e.start_date).framework == "ilacs_2018"
    )  # type: ignore[union-attr]
    assert e.framework == "sif" and e.event_type == "sif_inspection"
    assert grades(e) == (RI, RI, RI, INAD, RI, RI)


@pytest.mark.parametrize(
    "name, what",
    [
        (
            "80418_norfolk__childrens_services_inspection,__pdf_-_16_august_2013.pdf",
            "Inspection of looked after children services",
        ),
        (
            "80567_surrey__childrens_services_inspection_-_03_august_2015.pdf",
            "Review of the effectiveness of the Local Safeguarding Children Board",
        ),
    ],
)
def test_documents_that_are_not_graded_reports(report_dir: Path, name: str, what: str) -> None:
    outcome = read_report_outcome(one(report_dir, name))
    assert outcome.event is None
    (a,) = outcome.anomalies
    assert (a.kind, a.value, a.row) == ("not_a_graded_report", what, 1)


# --- every report -----------------------------------------------------------------------------


def test_every_file_gives_a_record_or_an_anomaly(
    report_dir: Path, folder_read: ReportsRead
) -> None:
    """One unreadable report never stops the others: each file is accounted for."""
    files = sorted(p.name for p in report_dir.iterdir())
    assert [o.file for o in folder_read.outcomes] == files
    for o in folder_read.outcomes:
        assert o.event is not None or o.anomalies, o.file
        assert all(a.file == o.file and a.kind for a in o.anomalies)
    assert len(folder_read.events) + len(folder_read.not_read) == len(files)
    assert sum(folder_read.by_kind().values()) == len(folder_read.anomalies)


def test_every_report_of_the_folder_gives_a_record(folder_read: ReportsRead) -> None:
    """The files that give none are not graded reports; the one field anomaly is City of
    London 2016's unstated first day."""
    for o in folder_read.outcomes:
        if o.event is None:
            assert {a.kind for a in o.anomalies} <= {
                "not_a_pdf_html_page",
                "not_a_graded_report",
            }, o
    on_records = {
        (o.file, a.kind) for o in folder_read.outcomes if o.event is not None for a in o.anomalies
    }
    assert on_records == {
        (
            "80450_london_corporation__childrens_services_inspection_-_20_september_2016.pdf",
            "start_date_not_stated",
        )
    }


def test_every_record_read_is_complete(report_dir: Path, folder_read: ReportsRead) -> None:
    for o in folder_read.outcomes:
        e = o.event
        if e is None:
            continue
        path = report_dir / e.source_file
        assert e.la_code == urn_la(path).la_code, e.source_file
        m = re.search(r"_(\d{2})_([a-z]+)_(\d{4})\.pdf$", e.source_file)
        assert m and e.publication_date is not None
        named = date.fromisoformat(e.extra["file_publication_date"])
        assert named.strftime("%d_%B_%Y").lower() == "_".join(m.groups())
        stated = e.extra.get("quote:publication_date")
        # The report's own words where it states the date (a few differ from the file name).
        assert e.publication_date == (parse_day(stated.split(":", 1)[1]) if stated else named)
        assert e.end_date and e.end_date <= e.publication_date
        assert e.start_date or any(a.kind == "start_date_not_stated" for a in o.anomalies)
        assert e.start_date is None or e.start_date <= e.end_date
        assert e.event_type in frameworks.GRADED_TYPES, e.source_file
        given = {a: getattr(e, a) for a in frameworks.ALL_AREAS if getattr(e, a)}
        assert set(given.values()) <= set(JUDGEMENTS)
        version = frameworks.by_id()[e.framework or ""]
        not_judged = set(e.extra.get("not_judged", "").split(";")) - {""}
        assert set(version.judgements) == set(given) | not_judged, e.source_file
        assert (e.event_type == "sif_inspection") == (version.framework == "sif")
        if version.is_ilacs:
            assert version.in_force_on(e.start_date or e.end_date)


def test_html_pages_saved_as_pdf_are_anomalies(report_dir: Path, folder_read: ReportsRead) -> None:
    by_file = {o.file: o for o in folder_read.outcomes}
    for name in (
        "80429_birmingham__childrens_services_inspection_-_19_october_2012.pdf",
        "80431_blackpool__childrens_services_inspection_-_13_july_2012.pdf",
        "80490_bromley__childrens_services_inspection_-_17_august_2012.pdf",
        "80543_rotherham__childrens_services_inspection_-_10_august_2012.pdf",
    ):
        assert by_file[name].event is None
        (a,) = by_file[name].anomalies
        assert (a.kind, a.value) == (
            "not_a_pdf_html_page",
            "Report not found - Find an Inspection Report - Ofsted",
        )


def test_reading_is_deterministic(
    report_dir: Path, all_reports: list[InspectionEvent], tmp_path: Path
) -> None:
    keys = [(e.la_code, e.start_date or e.end_date, e.source_file) for e in all_reports]
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
