"""The rules of report text: dates, grades and each layout, on text (no PDF)."""

from __future__ import annotations

from datetime import date

import pytest

from inspection_outcomes.sources.report_layouts import (
    NoRecord,
    Pages,
    ReportText,
    identify,
    la_name,
    read_report_text,
)
from inspection_outcomes.sources.report_text import (
    DateError,
    event_type_from_days,
    event_type_from_length,
    parse_date_range,
    parse_day,
    read_dates,
)


def read(*pages: str) -> ReportText:
    return read_report_text(Pages(lambda n: pages[n - 1] if n <= len(pages) else None))


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("11 to 15 March 2024", date(2024, 3, 11), date(2024, 3, 15)),
        ("9\u201324 November 2017", date(2017, 11, 9), date(2017, 11, 24)),
        ("4 June 2018\u201328 June 2018", date(2018, 6, 4), date(2018, 6, 28)),
        ("6 November \u2013 30 November 2017", date(2017, 11, 6), date(2017, 11, 30)),
        ("24 February 2025 to 7 March 2025", date(2025, 2, 24), date(2025, 3, 7)),
        ("29 December to 9 January 2026", date(2025, 12, 29), date(2026, 1, 9)),
        ("20 June 2017 \u2500 1 July 2017", date(2017, 6, 20), date(2017, 7, 1)),
        ("12/09/2016 to 06/10/2016", date(2016, 9, 12), date(2016, 10, 6)),
        ("18 Feb 2014 \u2013 12 March 2014", date(2014, 2, 18), date(2014, 3, 12)),
        ("4 to 8 March and 11 to 15 March 2019", date(2019, 3, 4), date(2019, 3, 15)),
        ("11 December 2013 and 28 \u2013 30 January 2014", date(2013, 12, 11), date(2014, 1, 30)),
    ],
)
def test_date_ranges(text: str, start: date, end: date) -> None:
    assert parse_date_range(text) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "March 2024",
        "11 to 15 Marsh 2024",
        "11 to 15",
        "15 to 11 March 2024 and 1 March 2024",
        "31 to 32 May 2024",
        "28 July 2016",
    ],
)
def test_bad_date_ranges(text: str) -> None:
    with pytest.raises(DateError):
        parse_date_range(text)


def test_two_periods_count_both_for_the_days_on_site() -> None:
    """South Tyneside 2023: one week on site in two periods is a short inspection."""
    span, _ = read_dates("5 to 9 December 2022 and 14 to 15 February 2023 Lead inspector")
    assert span.periods == (
        (date(2022, 12, 5), date(2022, 12, 9)),
        (date(2023, 2, 14), date(2023, 2, 15)),
    )
    assert span.days_on_site == 7 and event_type_from_days(span.days_on_site) == (
        "short_inspection"
    )
    assert span.text == "5 to 9 December 2022 and 14 to 15 February 2023"


def test_dates_stop_where_the_words_do() -> None:
    text = "Inspection date: 28 July 2016 Report published: 20 September 2016"
    span, end = read_dates(text, len("Inspection date: "))
    assert span.days == (date(2016, 7, 28),) and text[end:].startswith(" Report published")


def test_one_day() -> None:
    assert parse_day("16 May 2024") == date(2024, 5, 16)
    assert parse_day("25/11/2016") == date(2016, 11, 25)
    with pytest.raises(DateError):
        parse_day("16 to 17 May 2024")


def test_length_gives_the_type() -> None:
    assert event_type_from_length(date(2024, 3, 11), date(2024, 3, 15)) == "short_inspection"
    assert event_type_from_length(date(2024, 3, 4), date(2024, 3, 15)) == "standard_inspection"
    assert event_type_from_length(date(2024, 1, 1), date(2024, 3, 15)) == ""


# --- ILACS ---------------------------------------------------------------------------------

ILACS_HEAD = (
    "1 \n Some Council \nInspection of children's social care services\n"
    "Inspection dates: 4 June to 15 June 2018 \nLead inspector: A Person HMI\n"
)


def test_grades_split_over_lines_and_rows_in_any_order() -> None:
    text = read(
        ILACS_HEAD + "Judgement Grade \nThe experiences and progress of children "
        "who need \nhelp and protection \nRequires improvement \nto be good \n"
        "The impact of leaders on social work practice with \nchildren and families  "
        "Inadequate  \nOverall effectiveness  Requires improvement to be good \n"
        "The experiences and progress of children in care and care leavers Good\n"
        "Services for children in care are good."
    )
    assert text.layout == "ilacs" and text.la_name == "Some"
    assert text.judgements == {
        "help_and_protection": "requires_improvement",
        "impact_of_leaders": "inadequate",
        "overall_effectiveness": "requires_improvement",
        "children_in_care": "good",
    }
    assert (text.start_date, text.end_date) == (date(2018, 6, 4), date(2018, 6, 15))
    assert text.quotes["impact_of_leaders"] == (
        "The impact of leaders on social work practice with children and families Inadequate"
    )


LABELS = (
    "The impact of leaders on social work practice with children and families The "
    "experiences and progress of children who need help and protection The experiences "
    "and progress of children in care and care leavers Overall effectiveness "
)


@pytest.mark.parametrize(
    "table",
    [
        "Judgement Grade " + LABELS + "Good Inadequate Outstanding Good Children in Some are safe.",
        "Judgement Grade Good Inadequate Outstanding Good " + LABELS + "Children in Some are safe.",
    ],
)
def test_table_in_two_columns(table: str) -> None:
    """A table whose labels come first and grades after, or grades first (text of two
    columns), pairs them in order."""
    text = read(ILACS_HEAD + table)
    assert text.judgements == {
        "impact_of_leaders": "good",
        "help_and_protection": "inadequate",
        "children_in_care": "outstanding",
        "overall_effectiveness": "good",
    }
    assert text.quotes["children_in_care"].endswith("care leavers ... Outstanding")


def test_grade_after_a_full_stop() -> None:
    text = read(
        ILACS_HEAD + "Judgement Grade The impact of leaders on social work practice "
        "with children and families. Requires improvement to be good Overall "
        "effectiveness: Good"
    )
    assert text.judgements == {
        "impact_of_leaders": "requires_improvement",
        "overall_effectiveness": "good",
    }


def test_label_without_grade_is_a_problem() -> None:
    text = read(
        "Inspection of X local authority children's services Inspection dates: 1 to 5 "
        "May 2023 Lead inspector: Y Judgement Grade Overall effectiveness To be decided"
    )
    assert [(p.kind, p.field) for p in text.problems] == [
        ("unreadable_grade", "overall_effectiveness")
    ]


# --- SIF -----------------------------------------------------------------------------------

SIF_HEAD = (
    "1 Borough of Somewhere Council Inspection of services for children in need of "
    "help and protection, children looked after and care leavers and Review of the "
    "effectiveness of the local safeguarding children board Inspection date: 14 "
    "January – 5 February 2014 Report published: 21 March 2014 "
)
SIF_ROWS = (
    "1. Children who need help and protection Requires improvement 2. Children looked "
    "after and achieving permanence Good 2.1 Adoption performance Outstanding 2.2 "
    "Experiences and progress of care leavers Good 3. Leadership, management and "
    "governance Inadequate "
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The overall judgement is that children's services require improvement",
        "The overall judgement is requires improvement. There are no widespread failures",
        "Children's services in Somewhere require improvement to be good",
        "Children's services require improvement to be good",
    ],
)
def test_sif_overall_effectiveness_in_a_sentence(sentence: str) -> None:
    text = read(
        SIF_HEAD + sentence + " " + SIF_ROWS + "The effectiveness of the Local "
        "Safeguarding Children Board (LSCB) is good"
    )
    assert text.layout == "sif" and text.la_name == "Somewhere"
    assert text.judgements == {
        "overall_effectiveness": "requires_improvement",
        "help_and_protection": "requires_improvement",
        "children_in_care": "good",
        "adoption_performance": "outstanding",
        "care_leavers": "good",
        "leadership_management_governance": "inadequate",
    }
    assert text.published == date(2014, 3, 21) and text.lscb == "good"
    assert text.quotes["overall_effectiveness"] == sentence.split(".")[0]


def test_sif_judgements_in_two_columns() -> None:
    """The numbered judgements' labels first and their grades after (two columns)."""
    rows = (
        "1. Children who need help and protection 2. Children looked after and achieving "
        "permanence 2.1 Adoption performance 2.2 Experiences and progress of care leavers "
        "3. Leadership, management and governance Requires improvement Good Outstanding "
        "Good Inadequate The LSCB ..."
    )
    text = read(SIF_HEAD + "Children's services in Somewhere require improvement " + rows)
    assert text.judgements == {
        "overall_effectiveness": "requires_improvement",
        "help_and_protection": "requires_improvement",
        "children_in_care": "good",
        "adoption_performance": "outstanding",
        "care_leavers": "good",
        "leadership_management_governance": "inadequate",
    }


def test_sif_known_by_its_judgements_when_its_title_reads_otherwise() -> None:
    head = SIF_HEAD.replace(
        "children looked after and care leavers", "children looked after, care leavers"
    )
    text = read(head + "Children's services in Somewhere are judged to be good " + SIF_ROWS)
    assert text.layout == "sif" and text.judgements["overall_effectiveness"] == "good"
    assert text.quotes["layout"].startswith("1. Children who need help and protection")


def test_sif_judgements_continued_on_page_2() -> None:
    first, rest = SIF_ROWS.split("2.2 ")
    text = read(
        SIF_HEAD
        + "Children's services in Somewhere are good "
        + first
        + "1 Ofsted produces this report under its power to combine reports",
        "2 2.2 " + rest + "The effectiveness of the Local Safeguarding Children Board is good",
        "3 Contents",
    )
    assert text.pages_read == 2
    assert text.judgements["care_leavers"] == "good" and text.pages["care_leavers"] == 2
    assert text.judgements["leadership_management_governance"] == "inadequate"


def test_sif_lscb_judgement_on_the_page_the_contents_give() -> None:
    pages = [
        SIF_HEAD + "Children's services in Somewhere are good " + SIF_ROWS,
        "2 Contents The local authority 3 The Local Safeguarding Children Board (LSCB) 5",
        "3 Text",
        "4 Text",
        "5 The Local Safeguarding Children Board (LSCB) The Local "
        "Safeguarding Children Board is inadequate The arrangements ...",
    ]
    text = read(*pages)
    assert text.lscb == "inadequate" and text.pages["lscb_review"] == 5
    assert not text.problems


def test_sif_not_judged() -> None:
    rows = SIF_ROWS.replace("achieving permanence Good", "achieving permanence Not judged")
    text = read(SIF_HEAD + "Children's services in Somewhere are good " + rows)
    assert "children_in_care" not in text.judgements and text.not_judged == ["children_in_care"]


def test_sif_single_date_is_the_last_day() -> None:
    head = SIF_HEAD.replace("14 January – 5 February 2014", "28 July 2016")
    text = read(head + "Children's services in Somewhere are good " + SIF_ROWS)
    assert text.start_date is None and text.end_date == date(2016, 7, 28)
    assert [p.kind for p in text.problems] == ["start_date_not_stated", "lscb_review_not_read"]


# --- visits and documents that give no record ---------------------------------------------


@pytest.mark.parametrize(
    "letter, layout, name, days",
    [
        (
            "Ms A Director Some Council 12 March 2019 Dear Ms Director Focused visit to Some local "
            "authority children's services This letter summarises the findings of the focused visit "
            "to Some local authority children's services on 5 and 6 February 2019. Inspectors looked "
            "at the front door.",
            "focused_visit",
            "Some",
            (date(2019, 2, 5), date(2019, 2, 6)),
        ),
        (
            "Dear Mr X Monitoring visit of Other children's services This letter summarises the "
            "findings of the monitoring visit to Other children's services on 24 and 25 January "
            "2019. This was the first monitoring visit since the authority was judged inadequate.",
            "monitoring_visit",
            "Other",
            (date(2019, 1, 24), date(2019, 1, 25)),
        ),
    ],
)
def test_visit_letters(letter: str, layout: str, name: str, days: tuple[date, date]) -> None:
    """Focused and monitoring visits: no grades; the LA, the days of the visit, the type."""
    text = read(letter)
    assert (text.layout, text.la_name, text.judgements) == (layout, name, {})
    assert (text.start_date, text.end_date) == days
    assert text.dates is not None and text.dates.days_on_site == 2


@pytest.mark.parametrize(
    "title, what",
    [
        (
            "Inspection of looked after children services Norfolk County Council Inspection dates: "
            "8 – 12 July 2013",
            "looked after children services",
        ),
        (
            "Inspection of safeguarding and looked after children services Somewhere Inspection "
            "dates: 1 – 12 July 2012",
            "safeguarding and looked after",
        ),
        (
            "Inspection of local authority arrangements for the protection of children Somewhere "
            "Inspection dates: 1 – 5 July 2012",
            "child protection inspection",
        ),
        (
            "1 Surrey Safeguarding Children Board Review of the effectiveness of the Local "
            "Safeguarding Children Board Inspection date: 15 June 2015 – 17 June 2015",
            "Local Safeguarding Children Board alone",
        ),
        (
            "Joint targeted area inspection of the multi-agency response to abuse in Somewhere",
            "joint targeted area inspection",
        ),
    ],
)
def test_documents_that_are_not_graded_reports(title: str, what: str) -> None:
    with pytest.raises(NoRecord) as e:
        identify(title)
    assert e.value.kind == "not_a_graded_report" and what in e.value.problem


def test_text_that_is_no_report() -> None:
    with pytest.raises(NoRecord) as e:
        identify("Minutes of the meeting of the children's services scrutiny panel")
    assert e.value.kind == "unrecognised_layout"
    with pytest.raises(NoRecord) as e:
        identify("  ")
    assert e.value.kind == "no_text"


@pytest.mark.parametrize(
    "title, name",
    [
        ("Inspection of Dorset local authority children's services ", "Dorset"),
        (
            "1 Metropolitan Borough of Barnsley Council Inspection of services for children",
            "Barnsley",
        ),
        (
            "1 London Borough of Hillingdon Inspection of local authority children's services",
            "Hillingdon",
        ),
        ("Inspection of Bradford Children and Families Trust ", "Bradford"),
        ("Inspection of Kent County Council children's services ", "Kent"),
        ("Cheshire East Unitary Authority Inspection of services for children", "Cheshire East"),
    ],
)
def test_la_names_in_titles(title: str, name: str) -> None:
    assert la_name(title) == name


# --- the documentation of the reader -------------------------------------------------------


def test_docs_list_every_kind_of_anomaly_and_the_bounds() -> None:
    """docs/reports.md has a row for every kind of anomaly the reader can give, and states
    the bounds the code enforces."""
    import re
    from pathlib import Path

    from inspection_outcomes.sources import report_pdf

    root = Path(__file__).resolve().parents[1]
    code = "".join(
        p.read_text(encoding="utf-8")
        for p in sorted((root / "src" / "inspection_outcomes" / "sources").glob("report*.py"))
    )
    kinds = set(
        re.findall(r"(?:NoRecord|Problem|_no_record)\(\s*(?:path,\s*)?\"([a-z_]+)\"", code)
    ) | set(re.findall(r"kind=\"([a-z_]+)\"", code))
    doc = (root / "docs" / "reports.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", doc, re.M))
    assert len(kinds) > 20 and kinds == documented
    for bound in (
        f"{report_pdf.MAX_FILE_BYTES // 2**20} MiB",
        f"{report_pdf.MAX_STREAM_BYTES // 2**20} MiB",
        f"| pages read | {report_pdf.MAX_PAGES_READ} ",
        f"{report_pdf.MAX_PAGE_CHARS:,}",
        f"{report_pdf.TIME_LIMIT_S:g} s",
        f"{report_pdf.CPU_LIMIT_S} s",
        f"{report_pdf.MEMORY_LIMIT_BYTES / 2**30:g} GiB",
    ):
        assert bound in doc, bound
