"""A release spec: the dates and choices that define a release (parameters, not code)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date

#: The methodology's cut-off: reports published within 3 calendar months of the as-at date.
CUTOFF_MONTHS = 3


def add_months(day: date, months: int) -> date:
    """Calendar months later, clamped to the month's end (31 March + 3 months = 30 June)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_cutoff(as_at: date) -> date:
    """The publication cut-off for a release as at a date."""
    return add_months(as_at, CUTOFF_MONTHS)


def default_period_start(as_at: date) -> date:
    """The in-year period starts on the 1 April on or before the as-at date."""
    year = as_at.year if (as_at.month, as_at.day) >= (4, 1) else as_at.year - 1
    return date(year, 4, 1)


def previous_31_march(as_at: date, years_back: int) -> date:
    """The `years_back`-th 31 March strictly before the as-at date.

    As at 31 March 2024: 1 -> 31 March 2023. As at 31 August 2021: 1 -> 31 March 2021.
    """
    latest = (
        date(as_at.year, 3, 31) if date(as_at.year, 3, 31) < as_at else date(as_at.year - 1, 3, 31)
    )
    return date(latest.year - (years_back - 1), 3, 31)


@dataclass(frozen=True)
class ReleaseSpec:
    as_at: date
    publication_cutoff: date
    period_start: date
    period_end: date
    compare: str = "first"  # or "previous"

    @classmethod
    def for_date(
        cls,
        as_at: date,
        *,
        compare: str = "first",
        cutoff: date | None = None,
        period_start: date | None = None,
        period_end: date | None = None,
    ) -> ReleaseSpec:
        return cls(
            as_at=as_at,
            publication_cutoff=cutoff or default_cutoff(as_at),
            period_start=period_start or default_period_start(as_at),
            period_end=period_end or as_at,
            compare=compare,
        )

    @property
    def provisional(self) -> bool:
        """A release whose period is shorter than a year (31 August) has provisional data."""
        return (self.period_end - self.period_start).days < 364

    def earlier(self, years_back: int) -> ReleaseSpec:
        """The release as at an earlier 31 March, with that date's own cut-off."""
        day = previous_31_march(self.as_at, years_back)
        return replace(
            self,
            as_at=day,
            publication_cutoff=default_cutoff(day),
            period_start=default_period_start(day),
            period_end=day,
        )
