"""The layouts of Ofsted's reports on LA children's services, read from their text.

What a report is comes from its own title, as Ofsted words it:

* ILACS (2018 on): "Inspection of X local authority children's services" (2018-19 also
  "Inspection of children's social care services"), with a "Judgement Grade" table whose
  rows are a judgement and its grade. The rows change with the framework version: children
  in care and care leavers judged together (2018), care leavers apart (from January 2023),
  no overall effectiveness (from April 2026).
* SIF (November 2013 to 2017, re-inspections into 2018): "Inspection of services for
  children in need of help and protection, children looked after and care leavers" (or
  "Re-inspection of ..."), with "Report published: ...", the overall effectiveness in a
  sentence ("Children's services in X are good", "The overall judgement is that children's
  services require improvement") and numbered judgements "1. Children who need help and
  protection Good" ... "3. Leadership, management and governance Good", and where the report
  includes the review of the Local Safeguarding Children Board, its judgement.
* Focused and monitoring visits under ILACS: letters, no grades; their dates and type.
* Other documents found among reports, which give no record: inspections of looked after
  children services and of safeguarding and looked after children services (to 2013),
  child protection inspections (CPI, 2012-13), reviews of a Local Safeguarding Children
  Board alone, joint targeted area inspections.

A report's text is read page by page: page 1, then the next page only while something the
layout needs is still missing (Oldham 2015 continues its judgements on page 2).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from inspection_outcomes.sources.report_text import (
    GRADE,
    LABEL_END,
    DateError,
    DateSpan,
    grade_key,
    read_dates,
    squash,
)


@dataclass(frozen=True)
class Problem:
    """A field the layout puts somewhere that the report does not supply as expected."""

    kind: str
    field: str
    value: str  # the words found
    problem: str
    page: int = 1


class NoRecord(Exception):
    """A file, or its text, that gives no record: the kind of problem, the words (or bytes)
    found, and why. Page 0 is the file as a whole."""

    def __init__(self, kind: str, value: str, problem: str, page: int = 0, field: str = "") -> None:
        self.kind = kind
        self.value = value
        self.problem = problem
        self.page = page
        self.field = field
        super().__init__(f"{kind}: {problem} ({value!r})")


@dataclass
class ReportText:
    """What a report states, before resolution against the reference tables."""

    layout: str  # ilacs, sif, focused_visit, monitoring_visit
    la_name: str
    dates: DateSpan | None
    published: date | None
    judgements: dict[str, str] = field(default_factory=dict)  # area -> grade key
    not_judged: list[str] = field(default_factory=list)  # areas the report did not grade
    lscb: str | None = None  # the review of the LSCB (SIF reports that include it)
    #: field -> the words of the report it was read from (for evidence), and their page
    quotes: dict[str, str] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    reinspection: bool = False
    pages_read: int = 1

    @property
    def start_date(self) -> date | None:
        """The first day; None where the report states a single date (then the end)."""
        return self.dates.start if self.dates and len(self.dates.days) > 1 else None

    @property
    def end_date(self) -> date | None:
        return self.dates.end if self.dates else None


#: Pages read in order for the judgements (they end on page 1, or page 2 as Oldham 2015's).
PAGES_IN_ORDER = 3


class Pages:
    """The text of a report's pages read so far, as one squashed string with page offsets.

    Pages come from `get_page` (1-based; None past the last page, or past what the PDF
    reader allows). `more` appends the next page, up to PAGES_IN_ORDER; `lookup` reads any
    page on its own (a page the contents point to).
    """

    def __init__(self, get_page: Callable[[int], str | None]) -> None:
        self._get_page = get_page
        self._cache: dict[int, str | None] = {}
        self.text = self.lookup(1) or ""
        self.starts = [0]

    @property
    def count(self) -> int:
        return len(self.starts)

    def lookup(self, number: int) -> str | None:
        """Page `number`, squashed (None when there is no such page, or it may not be read)."""
        if number not in self._cache:
            raw = self._get_page(number)
            self._cache[number] = squash(raw) if raw is not None else None
        return self._cache[number]

    def more(self) -> bool:
        """Append the next page; False when there is none or PAGES_IN_ORDER are read."""
        if self.count >= PAGES_IN_ORDER:
            return False
        page = self.lookup(self.count + 1)
        if page is None:
            return False
        self.starts.append(len(self.text) + 1)
        self.text = f"{self.text} {page}"
        return True

    def page_of(self, pos: int) -> int:
        """The page (1-based) holding position pos of the text."""
        return sum(1 for s in self.starts if s <= pos)

    def first_page(self) -> str:
        end = self.starts[1] if len(self.starts) > 1 else len(self.text)
        return self.text[:end]


# --- what a document is ----------------------------------------------------------------

_SIF_TITLE = re.compile(
    r"(?:re-?inspection|inspection)\s+of\s+services\s+for\s+children\s+in"
    r"\s+need\s+of\s+help\s+and\s+protection[,;]?\s+children\s+looked\s+"
    r"after,?\s+and\s+care\s+leavers",
    re.I,
)
_ILACS_TITLE = re.compile(
    r"inspection\s+of\s+(?:.{0,100}?\s)?(?:local\s+authority\s+)?"
    r"children.s\s+(?:social\s+care\s+)?services",
    re.I,
)
_FOCUSED = re.compile(r"focused\s+visit\s+(?:to|of|on)\s", re.I)
_MONITORING = re.compile(r"monitoring\s+visit\s+(?:to|of|on)\s", re.I)

#: Documents that give no record: (pattern of the title, what it is).
NOT_GRADED: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"inspection\s+of\s+safeguarding\s+and\s+looked\s+after\s+children\s+"
            r"services",
            re.I,
        ),
        "an inspection of safeguarding and looked after children services (to 2013), not "
        "graded under a framework of the canonical records",
    ),
    (
        re.compile(r"inspection\s+of\s+looked\s+after\s+children\s+services", re.I),
        "an inspection of looked after children services (to 2013), not graded under a "
        "framework of the canonical records",
    ),
    (
        re.compile(
            r"(?:inspection\s+of\s+local\s+authority\s+arrangements\s+for\s+the\s+"
            r"protection\s+of\s+children|unannounced\s+inspection\s+of\s+contact,?\s+"
            r"referral\s+and\s+assessment)",
            re.I,
        ),
        "a child protection inspection of the CPI era (2009-2013), graded on a scale with "
        "'adequate' that the canonical records do not hold",
    ),
    (
        re.compile(r"joint\s+targeted\s+area\s+inspection", re.I),
        "a joint targeted area inspection (no judgements)",
    ),
    (
        re.compile(
            r"review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding\s+"
            r"children\s+board",
            re.I,
        ),
        "a review of the Local Safeguarding Children Board alone (not of the LA's children's "
        "services)",
    ),
)

_DATES_LABEL = re.compile(
    r"(?:inspection\s+dates?|dates?\s+of\s+(?:the\s+)?inspection)"
    r"\s*:?\s*(?=\S)",
    re.I,
)
_PUBLISHED = re.compile(r"report\s+published\s*:?\s*", re.I)


def identify(first_page: str) -> str:
    """The layout of a report from the title on its first page (NoRecord otherwise)."""
    head = first_page[:1500]
    title_end = _DATES_LABEL.search(head)
    title = head[: title_end.start()] if title_end else head[:400]
    if _SIF_TITLE.search(title) or _has_sif_judgements(first_page):
        return "sif"
    if _FOCUSED.search(head[:600]):
        return "focused_visit"
    if _MONITORING.search(head[:600]):
        return "monitoring_visit"
    for pattern, what in NOT_GRADED:
        m = pattern.search(title)
        if m:
            raise NoRecord("not_a_graded_report", m.group(0), what, page=1)
    if _ILACS_TITLE.search(title) or re.search(r"judgement\s+grade", head, re.I):
        return "ilacs"
    if not first_page.strip():
        raise NoRecord("no_text", "", "page 1 has no text (a scanned image?)", page=1)
    raise NoRecord(
        "unrecognised_layout",
        first_page[:120],
        "not the title of an inspection report on LA children's services",
        page=1,
    )


def _has_sif_judgements(first_page: str) -> bool:
    """The numbered SIF judgements on page 1: a SIF report whose title reads otherwise."""
    return all(p.search(first_page) for _, p in _SIF_LABELS[:2])


# --- pieces every layout has ------------------------------------------------------------


def read_inspection_dates(pages: Pages, found: ReportText) -> bool:
    """'Inspection dates: ...' (True when found and read, else a problem)."""
    text = pages.text
    label = _DATES_LABEL.search(text)
    if label is None:
        return False
    try:
        span, end = read_dates(text, label.end())
    except DateError as e:
        found.problems.append(
            Problem(
                "unreadable_dates",
                "start_date",
                text[label.end() : label.end() + 60],
                str(e),
                pages.page_of(label.start()),
            )
        )
        return True
    found.dates = span
    _quote(found, pages, "dates", label.start(), end)
    if len(span.days) == 1 and found.layout in ("ilacs", "sif"):
        found.problems.append(
            Problem(
                "start_date_not_stated",
                "start_date",
                text[label.start() : end],
                "the report states one inspection date: taken as the last day, the first day is "
                "not stated",
                pages.page_of(label.start()),
            )
        )
    return True


def read_publication(pages: Pages, found: ReportText) -> None:
    """'Report published: 8 August 2014' (SIF reports state it; ILACS ones do not)."""
    m = _PUBLISHED.search(pages.text)
    if m is None:
        return
    try:
        span, end = read_dates(pages.text, m.end())
    except DateError:
        found.problems.append(
            Problem(
                "unreadable_publication_date",
                "publication_date",
                pages.text[m.end() : m.end() + 40],
                "a date after 'Report published'",
                pages.page_of(m.start()),
            )
        )
        return
    found.published = span.end
    _quote(found, pages, "publication_date", m.start(), end)


def _quote(found: ReportText, pages: Pages, name: str, start: int, end: int) -> None:
    found.quotes[name] = pages.text[start:end].strip()
    found.pages[name] = pages.page_of(start)


def _grade_after(pages: Pages, found: ReportText, area: str, label: re.Match[str]) -> bool:
    """The grade right after a judgement's label; a problem when there is none."""
    text = pages.text
    g = re.compile(LABEL_END + GRADE + r"\b", re.I).match(text, label.end())
    if g is None:
        found.problems.append(
            Problem(
                "unreadable_grade",
                area,
                text[label.start() : label.end() + 40],
                "a grade after the judgement's label",
                pages.page_of(label.start()),
            )
        )
        return False
    key = grade_key(g.group(1))
    if key == "not_judged":
        found.not_judged.append(area)
    else:
        found.judgements[area] = key
    _quote(found, pages, area, label.start(), g.end())
    return True


# --- LA names in titles -----------------------------------------------------------------

_TITLE_NAMED = re.compile(
    r"inspection\s+of\s+(.+?)\s+(?:local\s+authority\s+)?children.s\s+"
    r"(?:social\s+care\s+)?services",
    re.I,
)
_TITLE_BEFORE = re.compile(r"^(.+?)\s+(?:re-?inspection|inspection|review)\s+of\s+", re.I)
_TITLE_AFTER = re.compile(r"^[\d\s]*inspection\s+of\s+(.+)$", re.I)
#: Words around an LA's name in report titles that are not part of the name.
_NAME_NOISE = re.compile(
    r"\b(?:london\s+borough\s+of|royal\s+borough\s+of|metropolitan\s+borough\s+of|"
    r"borough\s+of|council\s+of\s+the|children\s+and\s+families\s+trust|local\s+authority|"
    r"unitary\s+authority|metropolitan|district|county\s+council|city\s+council|"
    r"borough\s+council|council)\b",
    re.I,
)


def la_name(title: str) -> str:
    """The LA a title names ('' when none): 'Inspection of Dorset local authority children's
    services', '1 Metropolitan Borough of Barnsley Council Inspection of services for ...',
    'Inspection of Bradford Children and Families Trust'."""
    m = _TITLE_NAMED.search(title)
    if m and not re.fullmatch(r"(?:local\s+authority|the)", m.group(1), re.I):
        name = m.group(1)
    else:
        b = _TITLE_BEFORE.search(title) or _TITLE_AFTER.search(title)
        if b is None:
            return ""
        name = b.group(1)
    name = re.sub(r"^[\d\s]+", "", name)  # page number before the title
    name = re.sub(r"'s$", "", name.strip())  # "Hertfordshire County Council's"
    name = _NAME_NOISE.sub(" ", name)
    name = re.sub(r"^\s*the\s+", "", name, flags=re.I)
    return " ".join(name.split())


def title_of(pages: Pages) -> str:
    """Page 1 up to the inspection dates: the title and the LA's name."""
    first = pages.first_page()
    label = _DATES_LABEL.search(first)
    return first[: label.start()] if label else first[:300]


# --- ILACS: the judgement table ---------------------------------------------------------

_LEAD = r"(?:the\s+)?experiences\s+and\s+progress\s+of\s+"
#: ILACS table rows: (canonical area, label). Order matters: the 2018 row "children in care
#: and care leavers" is tried before "children in care".
ILACS_ROWS: tuple[tuple[str, str], ...] = (
    (
        "impact_of_leaders",
        r"(?:the\s+)?impact\s+of\s+leaders\s+on\s+(?:social\s+work\s+)?"
        r"practice\s+with\s+children\s+and\s+families",
    ),
    (
        "help_and_protection",
        _LEAD + r"children\s+(?:and\s+young\s+people\s+)?(?:who\s+need|"
        r"in\s+need\s+of)\s+help\s+and\s+protection",
    ),
    ("children_in_care", _LEAD + r"children\s+in\s+care\s+and\s+care\s+leavers"),
    ("children_in_care", _LEAD + r"children\s+in\s+care"),
    ("care_leavers", _LEAD + r"(?:children\s+)?care\s+leavers"),
    ("overall_effectiveness", r"overall\s+effectiveness"),
)
_ILACS_LABELS = [(area, re.compile(label + r"\b", re.I)) for area, label in ILACS_ROWS]
_ILACS_AREAS = tuple(dict.fromkeys(area for area, _ in ILACS_ROWS))
_HEADER = re.compile(r"judgement\s+grade\b", re.I)
_GRADE_HERE = re.compile(LABEL_END + GRADE + r"\b", re.I)
_GAP = re.compile(LABEL_END)


Labels = list[tuple[str, re.Pattern[str]]]


def _label_at(
    text: str, pos: int, seen: set[str], labels: Labels
) -> tuple[str, re.Match[str]] | None:
    for area, pattern in labels:
        m = pattern.match(text, pos)
        if m and area not in seen:
            return area, m
    return None


def _table_start(pages: Pages) -> int | None:
    """Where the judgement rows begin: after 'Judgement Grade', else at the first row."""
    header = _HEADER.search(pages.text)
    if header is not None:
        return header.end()
    firsts = [m.start() for _, p in _ILACS_LABELS if (m := p.search(pages.first_page()))]
    return min(firsts) if firsts else None


def _cells(text: str, pos: int, labels: Labels) -> list[tuple[str, re.Match[str]]]:
    """The table's cells from pos on, labels (their area) and grades ('' for area), until
    the text is neither."""
    cells: list[tuple[str, re.Match[str]]] = []
    seen: set[str] = set()
    while True:
        pos = _GAP.match(text, pos).end()  # type: ignore[union-attr]
        label = _label_at(text, pos, seen, labels)
        if label is not None:
            cells.append(label)
            seen.add(label[0])
            pos = label[1].end()
            continue
        grade = _GRADE_HERE.match(text, pos)
        if grade is None:
            return cells
        cells.append(("", grade))
        pos = grade.end()


def read_cells(
    pages: Pages, found: ReportText, start: int, labels: Labels
) -> list[tuple[str, re.Match[str]]]:
    """Judgements and grades from start on; the labels left without a grade.

    Each cell pairs with the oldest cell of the other kind still unpaired, so a table whose
    text comes row by row ('label grade label grade') and one whose columns come one after
    the other ('label label ... grade grade ...', or grades first: two-column layouts) read
    alike. A grade left over is the text after the table.
    """
    waiting: list[tuple[str, re.Match[str]]] = []
    grades: list[re.Match[str]] = []
    for area, m in _cells(pages.text, start, labels):
        if area and grades:
            _record_grade(pages, found, area, m, grades.pop(0))
        elif area:
            waiting.append((area, m))
        elif waiting:
            label_area, label = waiting.pop(0)
            _record_grade(pages, found, label_area, label, m)
        else:
            grades.append(m)
    return waiting


def _no_grade(pages: Pages, found: ReportText, area: str, label: re.Match[str]) -> None:
    found.problems.append(
        Problem(
            "unreadable_grade",
            area,
            pages.text[label.start() : label.end() + 40],
            "a grade after the judgement's label",
            pages.page_of(label.start()),
        )
    )


def read_ilacs_table(pages: Pages, found: ReportText) -> int:
    """The rows of the judgement table; how many labels were found."""
    start = _table_start(pages)
    if start is None:
        return 0
    for area, m in read_cells(pages, found, start, _ILACS_LABELS):
        _no_grade(pages, found, area, m)
    return sum(
        1 for a in _ILACS_AREAS if a in found.quotes or any(p.field == a for p in found.problems)
    )


def _record_grade(
    pages: Pages, found: ReportText, area: str, label: re.Match[str], grade: re.Match[str]
) -> None:
    key = grade_key(grade.group(1))
    if key == "not_judged":
        found.not_judged.append(area)
    else:
        found.judgements[area] = key
    if _GAP.fullmatch(pages.text, label.end(), grade.start()):  # row by row: as written
        found.quotes[area] = pages.text[label.start() : grade.end()].strip()
    else:  # columns: the label, and the grade in its place in the other column
        found.quotes[area] = f"{label.group(0).strip()} ... {grade.group(1)}"
    found.pages[area] = pages.page_of(label.start())


def read_ilacs(pages: Pages) -> tuple[ReportText, bool]:
    """An ILACS report; True when all it needs was found on the pages read."""
    found = ReportText("ilacs", la_name(title_of(pages)), None, None)
    wording = _ILACS_TITLE.search(title_of(pages)) or _HEADER.search(pages.text)
    found.quotes["layout"] = wording.group(0) if wording else ""
    has_dates = read_inspection_dates(pages, found)
    rows = read_ilacs_table(pages, found)
    return found, has_dates and rows >= 4


# --- SIF: the overall sentence and numbered judgements ----------------------------------

_NUMBER = r"(?<![\w.])\d(?:\.\d)?\.?\s*"
SIF_ROWS: tuple[tuple[str, str], ...] = (
    ("help_and_protection", r"children\s+who\s+need\s+help\s+and\s+protection"),
    ("children_in_care", r"children\s+looked\s+after\s+and\s+achieving\s+permanence"),
    ("adoption_performance", r"adoption\s+performance"),
    ("care_leavers", r"experiences\s+and\s+progress\s+of\s+care\s+leavers"),
    ("leadership_management_governance", r"leadership,?\s+management\s+and\s+governance"),
)
_SIF_LABELS = [(area, re.compile(_NUMBER + label + r"\b", re.I)) for area, label in SIF_ROWS]
_SIF_GRADE = (
    r"(requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|"
    r"inadequate)\b"
)
#: "Children's services in Oldham require improvement to be good"
_SIF_SERVICES_IN = re.compile(
    r"children.s\s+services\s+(?:in\s+(.{1,150}?)\s+)?"
    r"(?:(?:are|is)\s+)?(?:judged\s+(?:to\s+be\s+)?)?" + _SIF_GRADE,
    re.I,
)
#: "The overall judgement is that children's services require improvement"
_SIF_OVERALL_IS = re.compile(
    r"the\s+overall\s+judgement\s+is\s+(?:that\s+)?(?:children.s\s+"
    r"services?\s+)?(?:(?:are|is)\s+)?" + _SIF_GRADE,
    re.I,
)
#: "The effectiveness of the Local Safeguarding Children Board (LSCB) is good", "The Local
#: Safeguarding Children Board requires improvement" (Somerset 2015 leaves out "Board").
_LSCB = re.compile(
    r"(?:the\s+judgement\s+for\s+)?the\s+(?:effectiveness\s+of\s+the\s+)?"
    r"local\s+safeguarding\s+children(?:\s+board)?\s*(?:\(lscb\)\s*)?"
    r"(?:is\s+)?" + _SIF_GRADE,
    re.I,
)
_WITH_REVIEW = re.compile(
    r"review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+"
    r"safeguarding\s+children\s+board",
    re.I,
)
_CONTENTS_LSCB = re.compile(
    r"\bcontents\b.{0,1500}?(?:the\s+)?local\s+safeguarding\s+"
    r"children\s+board\s*(?:\(lscb\))?\s+(\d{1,3})\b",
    re.I,
)
#: Pages where a SIF report's contents may be, most likely first: after an executive
#: summary of pages 2-3 (most 2015-17 reports: page 4), right after page 1 (2014-15), or
#: after a longer summary.
CONTENTS_PAGES = (4, 2, 5, 3)


def read_sif_overall(pages: Pages, found: ReportText) -> bool:
    """Overall effectiveness, stated in a sentence before the numbered judgements."""
    first_row = _SIF_LABELS[0][1].search(pages.text)
    region = pages.text[: first_row.start()] if first_row else pages.first_page()
    matches = [m for p in (_SIF_SERVICES_IN, _SIF_OVERALL_IS) if (m := p.search(region))]
    if not matches:
        return False
    m = min(matches, key=lambda x: x.start())
    found.judgements["overall_effectiveness"] = grade_key(m.group(m.lastindex or 1))
    _quote(found, pages, "overall_effectiveness", m.start(), m.end())
    return True


def read_sif_judgements(pages: Pages, found: ReportText) -> bool:
    """The numbered judgements: as a table from the first (row by row or column by column),
    then any not there wherever its label is with a grade after it (a page further on)."""
    first = _SIF_LABELS[0][1].search(pages.text)
    left = read_cells(pages, found, first.start(), _SIF_LABELS) if first else []
    complete = True
    for area, pattern in _SIF_LABELS:
        if area in found.quotes:
            continue
        m = pattern.search(pages.text, first.end() if first and area != _SIF_LABELS[0][0] else 0)
        if m is None or not _grade_after(pages, found, area, m):
            complete = False
    for area, m in left:
        if area not in found.quotes:
            _no_grade(pages, found, area, m)
    return complete


def read_sif(pages: Pages) -> tuple[ReportText, bool]:
    """A SIF report; True when all it needs was found on the pages read."""
    found = ReportText("sif", la_name(title_of(pages)), None, None)
    wording = _SIF_TITLE.search(pages.text) or _SIF_LABELS[0][1].search(pages.text)
    assert wording is not None  # identify() found it
    found.quotes["layout"] = wording.group(0)
    found.pages["layout"] = pages.page_of(wording.start())
    found.reinspection = wording.group(0).lower().startswith("re")
    has_dates = read_inspection_dates(pages, found)
    read_publication(pages, found)
    complete = read_sif_overall(pages, found) and has_dates
    return found, read_sif_judgements(pages, found) and complete


def read_lscb(pages: Pages, found: ReportText) -> None:
    """The LSCB review's judgement, in a report that includes the review: right after the
    other judgements (2014-15), else on the page its contents give ('The Local Safeguarding
    Children Board (LSCB) 35'); a problem when neither holds it."""
    rows = [m.end() for _, p in _SIF_LABELS if (m := p.search(pages.text))]
    after = max(rows, default=0)
    lscb = _LSCB.search(pages.text[: after + 600], after)
    if lscb is not None:
        found.lscb = grade_key(lscb.group(1))
        _quote(found, pages, "lscb_review", lscb.start(), lscb.end())
        return
    entry = _CONTENTS_LSCB.search(pages.text)
    for number in CONTENTS_PAGES:
        if entry is not None:
            break
        if number > pages.count:
            entry = _CONTENTS_LSCB.search(pages.lookup(number) or "")
    if entry is None or not _lscb_on_page(pages, found, int(entry.group(1))):
        found.problems.append(
            Problem(
                "lscb_review_not_read",
                "lscb_review",
                "",
                "the report includes the review of the LSCB, but its "
                "judgement is not on the pages read",
                pages.count,
            )
        )


def _lscb_on_page(pages: Pages, found: ReportText, number: int) -> bool:
    """The judgement on the page the contents name (or the next: a page numbered apart)."""
    for n in (number, number + 1):
        page = pages.lookup(n) or ""
        lscb = _LSCB.search(page[:600])
        if lscb is not None:
            found.lscb = grade_key(lscb.group(1))
            found.quotes["lscb_review"] = lscb.group(0)
            found.pages["lscb_review"] = n
            return True
    return False


# --- focused and monitoring visits (letters, no grades) ---------------------------------

_VISIT_NAMED = re.compile(
    r"(?:focused|monitoring)\s+visit\s+(?:to|of|on)\s+(.+?)\s+"
    r"(?:local\s+authority\s+)?children.s\s+(?:social\s+care\s+)?"
    r"services",
    re.I,
)
_VISIT_ON = re.compile(
    r"(?:visit|visited)\b[^.]{0,160}?\bon\s+(?=\d|(?:mon|tues|wednes|thurs|"
    r"fri)day)",
    re.I,
)


def read_visit(pages: Pages, layout: str) -> tuple[ReportText, bool]:
    """A focused or monitoring visit letter: the LA, the days of the visit, no grades."""
    named = _VISIT_NAMED.search(pages.first_page())
    name = _NAME_NOISE.sub(" ", named.group(1)) if named else ""
    found = ReportText(
        layout, " ".join(re.sub(r"^\s*the\s+", "", name, flags=re.I).split()), None, None
    )
    found.quotes["layout"] = named.group(0) if named else layout.replace("_", " ")
    if read_inspection_dates(pages, found):
        return found, True
    on = _VISIT_ON.search(pages.text)
    if on is None:
        return found, False
    try:
        span, end = read_dates(pages.text, on.end())
    except DateError:
        return found, False
    found.dates = span
    _quote(found, pages, "dates", on.start(), end)
    return found, True


# --- a report, page by page -------------------------------------------------------------

READERS: dict[str, Callable[[Pages], tuple[ReportText, bool]]] = {
    "ilacs": read_ilacs,
    "sif": read_sif,
    "focused_visit": lambda pages: read_visit(pages, "focused_visit"),
    "monitoring_visit": lambda pages: read_visit(pages, "monitoring_visit"),
}


def read_report_text(pages: Pages) -> ReportText:
    """Read a report: page 1, and further pages only while the layout still lacks something.

    NoRecord when the text is not of a report that gives a record.
    """
    reader = READERS[identify(pages.first_page())]
    while True:
        found, complete = reader(pages)
        if complete or not pages.more():
            break
    if found.layout == "sif" and _WITH_REVIEW.search(title_of(pages)):
        read_lscb(pages, found)
    found.pages_read = pages.count
    if found.dates is None and not any(p.field == "start_date" for p in found.problems):
        found.problems.append(
            Problem(
                "unreadable_dates", "start_date", "", "'Inspection dates: ...' on the pages read", 1
            )
        )
    return found
