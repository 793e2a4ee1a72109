"""When an LA's next graded inspection is due under the framework: its rules, kept in one
place (model/data/inspection_schedule.csv) with their wording and the sources that state them.

A rule is chosen by the overall effectiveness judgement of the LA's last graded inspection
(or, for an LA created by reorganisation and not yet inspected, by its creation). The window,
where the framework gives one, is counted in calendar months from the start of the last
graded inspection.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from inspection_outcomes.model.reference import read_table

#: The rule of an LA created by reorganisation that has no graded inspection yet.
REORGANISATION = "created_by_reorganisation"


@dataclass(frozen=True)
class ScheduleRule:
    rule: str
    last_judgements: tuple[str, ...]  # overall effectiveness at the last graded inspection
    next_event: str | None  # short_inspection, standard_inspection, or monitoring visits first
    window_start_months: int | None  # months after the date counted from (None: no window)
    window_end_months: int | None
    counted_from: str  # last_graded_inspection (its start) or creation
    frameworks: tuple[str, ...]  # framework versions in force when the rule applies
    wording: str
    quote: str
    quote_source: str
    source: str

    @property
    def has_window(self) -> bool:
        return self.window_start_months is not None and self.window_end_months is not None


def _months(text: str) -> int | None:
    return int(text) if text else None


def _split(text: str) -> tuple[str, ...]:
    return tuple(p for p in text.split(";") if p)


@cache
def schedule_rules() -> tuple[ScheduleRule, ...]:
    return tuple(
        ScheduleRule(
            rule=r["rule"],
            last_judgements=_split(r["last_judgements"]),
            next_event=r["next_event"] or None,
            window_start_months=_months(r["window_start_months"]),
            window_end_months=_months(r["window_end_months"]),
            counted_from=r["counted_from"],
            frameworks=_split(r["frameworks"]),
            wording=r["wording"],
            quote=r["quote"],
            quote_source=r["quote_source"],
            source=r["source"],
        )
        for r in read_table("inspection_schedule.csv")
    )


def rule_named(rule: str) -> ScheduleRule:
    return next(r for r in schedule_rules() if r.rule == rule)


def rule_after(judgement: str) -> ScheduleRule | None:
    """The rule for an LA whose last graded inspection judged it so (None: no rule for it)."""
    return next((r for r in schedule_rules() if judgement in r.last_judgements), None)
