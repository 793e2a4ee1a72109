"""Parse the first page of a published LA children's services inspection report (text only).

Kept apart from PDF reading so the rules can be tested on text. Two layouts exist:

* ILACS (2018 on): "Inspection dates: 11 to 15 March 2024" and a "Judgement Grade" table
  whose rows are a judgement label followed by its grade (either may wrap over lines).
* SIF (to 2018, including re-inspections published in 2018): "Inspection date(s): ...",
  "Report published: ...", "Children's services in X are good" (overall effectiveness) and
  numbered judgements "1. Children who need help and protection Good" ...

Reports never say "short" or "standard" inspection: the type is read from the length of the
inspection as the report states it (one week on site: short; two weeks: standard).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from inspection_outcomes.model.scale import JUDGEMENTS

MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}

_GRADE = (r"(requires\s+improvement(?:\s+to\s+be\s+good)?|require\s+improvement"
          r"(?:\s+to\s+be\s+good)?|outstanding|good|inadequate)")
_GRADE_AT_START = re.compile(r"[\s:\-\u2013\u2022\u25fc]*" + _GRADE + r"\b", re.I)

#: ILACS table rows: (canonical area, label pattern). Order matters: the combined 2018 row
#: "children in care and care leavers" must be tried before "children in care".
ILACS_ROWS: tuple[tuple[str, str], ...] = (
    ("impact_of_leaders", r"(?:the\s+)?impact\s+of\s+leaders\s+on\s+(?:social\s+work\s+)?"
                          r"practice\s+with\s+children\s+and\s+families"),
    ("help_and_protection", r"(?:the\s+)?experiences\s+and\s+progress\s+of\s+children\s+who\s+"
                            r"need\s+help\s+and\s+protection"),
    ("children_in_care", r"(?:the\s+)?experiences\s+and\s+progress\s+of\s+children\s+in\s+care"
                         r"\s+and\s+care\s+leavers"),
    ("children_in_care", r"(?:the\s+)?experiences\s+and\s+progress\s+of\s+children\s+in\s+care"),
    ("care_leavers", r"(?:the\s+)?experiences\s+and\s+progress\s+of\s+(?:children\s+)?care\s+"
                     r"leavers"),
    ("overall_effectiveness", r"overall\s+effectiveness"),
)

#: SIF numbered judgements.
SIF_ROWS: tuple[tuple[str, str], ...] = (
    ("help_and_protection", r"1\.\s*children\s+who\s+need\s+help\s+and\s+protection"),
    ("children_in_care", r"2\.\s*children\s+looked\s+after\s+and\s+achieving\s+permanence"),
    ("adoption_performance", r"2\.1\.?\s*adoption\s+performance"),
    ("care_leavers", r"2\.2\.?\s*experiences\s+and\s+progress\s+of\s+care\s+leavers"),
    ("leadership_management_governance", r"3\.\s*leadership,?\s+management\s+and\s+governance"),
)

_DATES_LABEL = re.compile(r"inspection\s+dates?\s*:\s*", re.I)
_DATE_END = re.compile(r"\s*(?:lead\s+inspector|report\s+published|judgement\s+grade|"
                       r"children.s\s+services\s+in)", re.I)
_PUBLISHED = re.compile(r"report\s+published\s*:\s*(\d{1,2}\s+[a-z]+\s+\d{4})", re.I)
_SIF_OVERALL = re.compile(r"children.s\s+services\s+in\s+(.+?)\s+(?:(?:are|is)\s+)?"
                          r"(requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|"
                          r"inadequate)\b", re.I)
_SIF_TITLE = re.compile(r"re-?inspection\s+of\s+services\s+for\s+children.{0,120}?care\s+"
                        r"leavers", re.I)
_TITLE_ILACS = re.compile(r"inspection\s+of\s+(.+?)\s+(?:local\s+authority\s+)?children.s\s+"
                          r"(?:social\s+care\s+)?services", re.I)
_TITLE_BEFORE = re.compile(r"^(.+?)\s+(?:re-?inspection|inspection)\s+of\s+", re.I)
_TITLE_AFTER = re.compile(r"^[\d\s]*inspection\s+of\s+(.+)$", re.I)
#: Words around an LA's name in report titles that are not part of the name.
_NAME_NOISE = re.compile(
    r"\b(?:london\s+borough\s+of|royal\s+borough\s+of|metropolitan\s+borough\s+of|"
    r"borough\s+of|council\s+of\s+the|children\s+and\s+families\s+trust|local\s+authority|"
    r"metropolitan|district|county\s+council|city\s+council|borough\s+council|council)\b",
    re.I)


class ReportTextError(ValueError):
    """A field the reader needs is not where the report layout puts it."""

    def __init__(self, field: str, expected: str) -> None:
        self.field = field
        self.expected = expected
        super().__init__(f"{field}: {expected}")


@dataclass
class ReportText:
    """What page 1 of a report states, before resolution against the reference tables."""

    layout: str  # "ilacs" or "sif"
    la_name: str
    start_date: date
    end_date: date
    published: date | None
    judgements: dict[str, str]  # area -> grade key
    #: field -> the words of the report it was read from (for evidence)
    quotes: dict[str, str] = field(default_factory=dict)


def squash(text: str) -> str:
    """One line, single spaces, typographic quotes and dashes made plain where harmless."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return " ".join(text.split())


def _grade_key(words: str) -> str:
    w = " ".join(words.lower().split())
    if w.startswith("require"):
        return "requires_improvement"
    return w


def _day_month_year(text: str) -> tuple[int, int | None, int | None]:
    m = re.fullmatch(r"(\d{1,2})(?:\s+([a-z]+))?(?:\s+(\d{4}))?", text.strip().lower())
    if not m:
        raise ReportTextError("inspection dates", f"a date, not '{text}'")
    month = None
    if m.group(2):
        if m.group(2) not in MONTHS:
            raise ReportTextError("inspection dates", f"a month name, not '{m.group(2)}'")
        month = MONTHS[m.group(2)]
    return int(m.group(1)), month, int(m.group(3)) if m.group(3) else None


def parse_date_range(text: str) -> tuple[date, date]:
    """'11 to 15 March 2024', '9-24 November 2017', '4 June 2018-28 June 2018', ..."""
    parts = re.split(r"\s*(?:\bto\b|[\u2013\u2014-])\s*", text.strip(), maxsplit=1)
    if len(parts) != 2:
        raise ReportTextError("inspection dates", f"'D Month YYYY to D Month YYYY', not '{text}'")
    d2, m2, y2 = _day_month_year(parts[1])
    if m2 is None or y2 is None:
        raise ReportTextError("inspection dates", f"an end date with month and year: '{text}'")
    d1, m1, y1 = _day_month_year(parts[0])
    try:
        end = date(y2, m2, d2)
        start = date(y1 or y2, m1 or m2, d1)
    except ValueError as e:
        raise ReportTextError("inspection dates", f"real dates in '{text}' ({e})") from None
    if start > end:
        if y1 is None:  # '29 December to 9 January 2026'
            start = start.replace(year=y2 - 1)
        else:
            raise ReportTextError("inspection dates", f"a start before the end in '{text}'")
    return start, end


def parse_day(text: str) -> date:
    d, m, y = _day_month_year(text)
    if m is None or y is None:
        raise ReportTextError("publication date", f"'D Month YYYY', not '{text}'")
    return date(y, m, d)


def _table(text: str, rows: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], dict[str, str]]:
    """Read label-then-grade rows from the start of text until a row is not a label."""
    patterns = [(area, re.compile(r"\s*" + label + r"\b", re.I)) for area, label in rows]
    grades: dict[str, str] = {}
    quotes: dict[str, str] = {}
    pos = 0
    while True:
        for area, pattern in patterns:
            m = pattern.match(text, pos)
            if m and area not in grades:
                break
        else:
            return grades, quotes
        g = _GRADE_AT_START.match(text, m.end())
        if g is None:
            shown = text[m.start():m.end() + 40].strip()
            raise ReportTextError(area, f"a grade after '{shown}'")
        grades[area] = _grade_key(g.group(1))
        quotes[area] = text[m.start():g.end()].strip()
        pos = g.end()


def _la_name(head: str) -> str:
    m = _TITLE_ILACS.search(head)
    name = m.group(1) if m and not re.fullmatch(r"(?:local\s+authority|the)", m.group(1), re.I) \
        else None
    if name is None:
        b = _TITLE_BEFORE.search(head) or _TITLE_AFTER.search(head)
        if b is None:
            raise ReportTextError("local authority", "a title naming the local authority")
        name = b.group(1)
    name = re.sub(r"^[\d\s]+", "", name)  # page number before the title
    name = _NAME_NOISE.sub(" ", name)
    name = re.sub(r"^\s*the\s+", "", name, flags=re.I)
    return " ".join(name.split())


def parse_first_page(raw: str) -> ReportText:
    """Read the LA, dates, publication date (SIF only) and judgements from page 1's text."""
    text = squash(raw)
    dm = _DATES_LABEL.search(text)
    if dm is None:
        raise ReportTextError("inspection dates", "'Inspection dates: ...' on page 1")
    stop = _DATE_END.search(text, dm.end())
    span = text[dm.end():stop.start() if stop else dm.end() + 60]
    start, end = parse_date_range(span)
    quotes = {"dates": text[dm.start():dm.end() + len(span)].strip()}
    la_name = _la_name(text[:dm.start()])
    pub = _PUBLISHED.search(text)
    published = parse_day(pub.group(1)) if pub else None
    if pub:
        quotes["publication_date"] = pub.group(0)
    header = re.search(r"judgement\s+grade\b", text, re.I)
    if header is not None:
        judgements, q = _table(text[header.end():], ILACS_ROWS)
        layout = "ilacs"
        q["layout"] = header.group(0)
    else:
        sif = _SIF_OVERALL.search(text)
        if sif is None:
            raise ReportTextError("judgements", "a 'Judgement Grade' table (ILACS) or "
                                  "'Children's services in ... are ...' (SIF) on page 1")
        table_at = re.search(SIF_ROWS[0][1], text[sif.end():], re.I)
        if table_at is None:
            raise ReportTextError("help_and_protection", "'1. Children who need help and "
                                  "protection' and its grade")
        judgements, q = _table(text[sif.end() + table_at.start():], SIF_ROWS)
        judgements["overall_effectiveness"] = _grade_key(sif.group(2))
        q["overall_effectiveness"] = sif.group(0)
        title = _SIF_TITLE.search(text)
        q["layout"] = title.group(0) if title else sif.group(0)
        layout = "sif"
    if not judgements:
        raise ReportTextError("judgements", "at least one judgement row with its grade")
    for area, grade in judgements.items():
        if grade not in JUDGEMENTS:
            raise ReportTextError(area, f"a grade ({', '.join(JUDGEMENTS)}), not '{grade}'")
    quotes.update(q)
    return ReportText(layout, la_name, start, end, published, judgements, quotes)


def event_type_from_length(start: date, end: date) -> str:
    """Short inspections are one week on site, standard ones two; '' when neither fits."""
    days = (end - start).days + 1
    if 1 <= days <= 7:
        return "short_inspection"
    if 8 <= days <= 21:
        return "standard_inspection"
    return ""
