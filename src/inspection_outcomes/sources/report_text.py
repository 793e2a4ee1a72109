"""Words and dates as Ofsted's inspection reports write them (text only, no layout).

Kept apart from PDF reading and from the layouts so the rules can be tested on text:

* grades: "Outstanding", "Good", "Requires improvement to be good" (SIF also "Require(s)
  improvement"), "Inadequate", and "Not judged" where an area was not graded;
* inspection dates, however written: "11 to 15 March 2024", "9-24 November 2017",
  "20 June 2017 ─ 13 July 2017", "12/09/2016 to 06/10/2016", "29 December to 9 January 2026",
  and inspections in two periods, "19 November-11 December 2013 and 28 – 30 January 2014".
  A day without month or year takes them from the next date that has them; the first day is
  the start and the last day the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}

#: A grade as reports write it; "not judged" where an area was not graded (small LAs).
GRADE = (
    r"(requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate|"
    r"not\s+judged)"
)
#: What may stand between a label and its grade: spaces, a colon, a full stop, a bullet.
LABEL_END = r"[\s:.\-\u2013\u2022\u25fc|]*"

_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DATE_ITEM = re.compile(
    r"\s*" + _WEEKDAY + r"(?:(?P<nd>\d{1,2})/(?P<nm>\d{1,2})/(?P<ny>\d{4})"
    r"|(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?P<m>" + _MONTH_NAME + r"))?"
    r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?)\b",
    re.I,
)
#: Between two dates of one period ("to", a dash of any kind) or of two periods ("and", ",").
_RANGE_SEP = re.compile(r"\s*(?:\bto\b|\buntil\b|[-\u2010-\u2015\u2212\u2500])\s*", re.I)
_PERIOD_SEP = re.compile(r"\s*(?:\band\b|&|,)\s*", re.I)


class DateError(ValueError):
    """The words where a date should be are not one."""


def squash(text: str) -> str:
    """One line, single spaces, typographic quotes made plain (as the rules match them)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return " ".join(text.split())


def grade_key(words: str) -> str:
    """The canonical key of a grade as written ('Require improvement' -> requires_improvement);
    'not_judged' where the report says an area was not judged."""
    w = " ".join(words.lower().split())
    if w.startswith("require"):
        return "requires_improvement"
    return w.replace(" ", "_")


def _month(word: str) -> int:
    key = word.lower().rstrip(".")
    for name, number in MONTHS.items():
        if name.startswith(key) and len(key) >= 3:
            return number
    raise DateError(f"a month name, not '{word}'")


@dataclass(frozen=True)
class _Item:
    day: int
    month: int | None
    year: int | None
    starts_period: bool  # the first date of a period ("and 11 to 15 March": 11)


@dataclass(frozen=True)
class DateSpan:
    """The dates an inspection took place, as the report states them."""

    days: tuple[date, ...]  # every date written, in order
    periods: tuple[tuple[date, date], ...]  # first and last day of each period on site
    text: str  # the words read

    @property
    def start(self) -> date:
        return self.days[0]

    @property
    def end(self) -> date:
        return self.days[-1]

    @property
    def days_on_site(self) -> int:
        """Days from first to last of each period, added up (two periods: both counted)."""
        return sum((b - a).days + 1 for a, b in self.periods)


def _item(m: re.Match[str]) -> tuple[int, int | None, int | None]:
    if m.group("nd"):
        return int(m.group("nd")), int(m.group("nm")), int(m.group("ny"))
    month = _month(m.group("m")) if m.group("m") else None
    return int(m.group("d")), month, int(m.group("y")) if m.group("y") else None


def _scan_items(text: str, pos: int) -> tuple[list[_Item], int]:
    """The dates written from pos on, joined by 'to', dashes, 'and' or commas; and the end."""
    items: list[_Item] = []
    end = pos
    starts = True
    while True:
        m = _DATE_ITEM.match(text, pos)
        if m is None or (items and not (m.group("m") or m.group("nd") or _has_next(text, m.end()))):
            break
        d, mo, y = _item(m)
        items.append(_Item(d, mo, y, starts))
        end = m.end()
        sep = _RANGE_SEP.match(text, end)
        starts = sep is None
        if sep is None:
            sep = _PERIOD_SEP.match(text, end)
        if sep is None:
            break
        pos = sep.end()
    return items, end


def _has_next(text: str, pos: int) -> bool:
    """A bare day ('11' of '11 to 15 March') is a date only when another date follows."""
    sep = _RANGE_SEP.match(text, pos) or _PERIOD_SEP.match(text, pos)
    return sep is not None and _DATE_ITEM.match(text, sep.end()) is not None


def _complete(items: list[_Item], text: str) -> list[date]:
    """Dates from items: a missing month or year is the next item's; years roll back where
    a period crosses the new year ('29 December to 9 January 2026')."""
    if not items:
        raise DateError(f"a date, not '{text[:40]}'")
    month, year = items[-1].month, items[-1].year
    if month is None or year is None:
        raise DateError(f"a last date with month and year, not '{text}'")
    out: list[date] = []
    later: date | None = None
    for it in reversed(items):
        m = it.month or month
        y = it.year or year
        try:
            day = date(y, m, it.day)
        except ValueError as e:
            raise DateError(f"real dates in '{text}' ({e})") from None
        if later is not None and day > later and it.year is None:
            day = day.replace(year=y - 1)
        if later is not None and day > later:
            raise DateError(f"dates in order in '{text}'")
        out.append(day)
        later, month, year = day, m, day.year
    return out[::-1]


def read_dates(text: str, pos: int = 0) -> tuple[DateSpan, int]:
    """The inspection dates written at pos (after 'Inspection dates:'), and where they end."""
    items, end = _scan_items(text, pos)
    days = _complete(items, text[pos:end] or text[pos : pos + 40])
    periods: list[tuple[date, date]] = []
    for it, day in zip(items, days, strict=True):
        if it.starts_period or not periods:
            periods.append((day, day))
        else:
            periods[-1] = (periods[-1][0], day)
    return DateSpan(tuple(days), tuple(periods), text[pos:end].strip()), end


def parse_date_range(text: str) -> tuple[date, date]:
    """The first and last day of '11 to 15 March 2024' and the like (the whole text)."""
    span, end = read_dates(text)
    if text[end:].strip():
        raise DateError(f"only dates, not '{text}'")
    if len(span.days) < 2:
        raise DateError(f"a first and a last day, not '{text}'")
    return span.start, span.end


def parse_day(text: str) -> date:
    """One date: '16 May 2024', '25/11/2016'."""
    span, end = read_dates(text)
    if len(span.days) != 1 or text[end:].strip():
        raise DateError(f"one date 'D Month YYYY', not '{text}'")
    return span.start


def event_type_from_days(days_on_site: int) -> str:
    """Short inspections are one week on site, standard ones two; '' when neither fits.

    Reports never say 'short' or 'standard': the type is read from the days on site.
    """
    if 1 <= days_on_site <= 7:
        return "short_inspection"
    if 8 <= days_on_site <= 21:
        return "standard_inspection"
    return ""


def event_type_from_length(start: date, end: date) -> str:
    """The type of an inspection in one period from its first and last day."""
    return event_type_from_days((end - start).days + 1)
