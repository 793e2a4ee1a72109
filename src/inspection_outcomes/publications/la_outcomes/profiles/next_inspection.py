"""An LA's next graded inspection seen two ways side by side: the framework's rule (model
data: model/data/inspection_schedule.csv, with its wording and sources) and what the history
shows (the gaps observed in the records, gaps.py), with whether the LA is past the longest
gap observed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from inspection_outcomes.model.frameworks import framework_on
from inspection_outcomes.model.local_authorities import LocalAuthority
from inspection_outcomes.model.schedule import (
    REORGANISATION,
    ScheduleRule,
    rule_after,
    rule_named,
)
from inspection_outcomes.publications.la_outcomes.profiles.gaps import (
    AFTER_CREATION,
    AFTER_INSPECTION,
    GapRow,
    framework_of,
)
from inspection_outcomes.publications.la_outcomes.profiles.records import Event
from inspection_outcomes.publications.la_outcomes.spec import add_months

OVERALL = "overall_effectiveness"
#: Why no rule applies (`FrameworkRule.not_applied`).
NO_RULE_FOR_FRAMEWORK = "no_rule_for_framework_in_force"
NO_OVERALL_JUDGEMENT = "last_inspection_gives_no_overall_effectiveness"
JUDGEMENT_NOT_HELD = "judgement_not_held_by_source"
NO_INSPECTION_HELD = "no_graded_inspection_held"


@dataclass(frozen=True)
class FrameworkRule:
    """The rule that applies, or why none does (`not_applied`); where it applies, the date
    counted from, the window it gives, and where the as-at date falls."""

    rule: str | None
    not_applied: str | None
    next_event: str | None
    wording: str | None
    quote: str | None
    quote_source: str | None
    source: str | None
    counted_from: str | None  # last_graded_inspection (its start) or creation
    counted_from_date: date | None
    days_since: int | None
    window_start: date | None
    window_end: date | None
    position: str | None  # before_window, in_window, after_window or no_fixed_window


@dataclass(frozen=True)
class Observed:
    """The observed gaps of the LA's case (after its last graded inspection's framework, as
    gaps.framework_of groups them, and judgement, or after its creation), and whether it is
    past the longest of them."""

    after: str | None
    framework: str | None
    judgement: str | None
    gaps: GapRow | None
    days_since: int | None
    overdue: bool | None  # None: no gap observed to compare with


@dataclass(frozen=True)
class NextInspection:
    rule: FrameworkRule
    observed: Observed


def _not_applied(reason: str) -> FrameworkRule:
    return FrameworkRule(
        None, reason, None, None, None, None, None, None, None, None, None, None, None
    )


def _position(as_at: date, start: date | None, end: date | None) -> str:
    if start is None or end is None:
        return "no_fixed_window"
    return "before_window" if as_at < start else "in_window" if as_at <= end else "after_window"


def _applied(rule: ScheduleRule, as_at: date, counted_from: date) -> FrameworkRule:
    start = end = None
    if rule.window_start_months is not None and rule.window_end_months is not None:
        start = add_months(counted_from, rule.window_start_months)
        end = add_months(counted_from, rule.window_end_months)
    return FrameworkRule(
        rule.rule,
        None,
        rule.next_event,
        rule.wording,
        rule.quote,
        rule.quote_source,
        rule.source,
        rule.counted_from,
        counted_from,
        (as_at - counted_from).days,
        start,
        end,
        _position(as_at, start, end),
    )


def framework_rule(la: LocalAuthority, latest: Event | None, as_at: date) -> FrameworkRule:
    """The framework's rule for an LA existing at the date."""
    in_force = framework_on(as_at)
    reorganised = rule_named(REORGANISATION)
    if in_force is None or in_force.framework not in reorganised.frameworks:
        return _not_applied(NO_RULE_FOR_FRAMEWORK)
    if latest is None:
        if la.valid_from is None:
            return _not_applied(NO_INSPECTION_HELD)
        return _applied(reorganised, as_at, la.valid_from)
    if OVERALL not in latest.judgements:
        return _not_applied(NO_OVERALL_JUDGEMENT)
    judgement = latest.judgements[OVERALL]
    rule = rule_after(judgement) if judgement else None
    if rule is None:
        return _not_applied(JUDGEMENT_NOT_HELD)
    return _applied(rule, as_at, latest.start_date or latest.took_place)


def observed(
    la: LocalAuthority,
    latest: Event | None,
    as_at: date,
    gaps: Mapping[tuple[str, str | None, str | None], GapRow],
) -> Observed:
    """The LA's case in the observed gaps (counted from a start date the source holds)."""
    if latest is None:
        if la.valid_from is None:
            return Observed(None, None, None, None, None, None)
        key: tuple[str, str | None, str | None] = (AFTER_CREATION, None, None)
        since: date | None = la.valid_from
    else:
        key = (AFTER_INSPECTION, framework_of(latest.framework), latest.judgements.get(OVERALL))
        since = latest.start_date
    row = gaps.get(key)
    days = (as_at - since).days if since is not None else None
    overdue = days > row.max_days if row is not None and days is not None else None
    return Observed(key[0], key[1], key[2], row, days, overdue)


def next_inspection(
    la: LocalAuthority,
    latest: Event | None,
    as_at: date,
    gaps: Mapping[tuple[str, str | None, str | None], GapRow],
) -> NextInspection:
    return NextInspection(framework_rule(la, latest, as_at), observed(la, latest, as_at, gaps))
