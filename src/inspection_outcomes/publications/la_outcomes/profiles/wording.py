"""An LA profile's facts in words for people: one function per statement, shared by the
terminal view and the pages, so that both say the same thing the same way."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal

from inspection_outcomes.core.workbook import long_date
from inspection_outcomes.model.frameworks import (
    AREA_LABELS,
    EVENT_TYPE_LABELS,
    by_id,
    framework_on,
)
from inspection_outcomes.model.scale import LABELS, SHORT_LABELS
from inspection_outcomes.publications.la_outcomes.profiles.build import (
    CEASED,
    EXISTS,
    NOT_YET_CREATED,
    LaProfile,
    LaRef,
)
from inspection_outcomes.publications.la_outcomes.profiles.gaps import ILACS, GapRow
from inspection_outcomes.publications.la_outcomes.profiles.neighbours import (
    HEX_MAP,
    NOT_AVAILABLE,
    STATISTICAL,
)
from inspection_outcomes.publications.la_outcomes.profiles.next_inspection import (
    JUDGEMENT_NOT_HELD,
    NO_INSPECTION_HELD,
    NO_OVERALL_JUDGEMENT,
    NO_RULE_FOR_FRAMEWORK,
    FrameworkRule,
    Observed,
)
from inspection_outcomes.publications.la_outcomes.profiles.records import Event
from inspection_outcomes.publications.la_outcomes.profiles.standing import Position

NOT_HELD = "not held by the source"
NOT_GIVEN = "not given"
NOT_APPLIED = {
    NO_RULE_FOR_FRAMEWORK: "No rule is recorded for the framework in force on {day} ({framework}).",
    NO_OVERALL_JUDGEMENT: "The last graded inspection gives no overall effectiveness "
    "judgement, by which the rules recorded are chosen.",
    JUDGEMENT_NOT_HELD: "The source does not hold the last graded inspection's overall "
    "effectiveness judgement, by which the rule is chosen.",
    NO_INSPECTION_HELD: "The source holds no graded inspection of this LA to count from.",
}
NEIGHBOURS_TITLES = {
    STATISTICAL: "Statistical neighbours",
    HEX_MAP: "Nearest LAs of the region (hex map)",
    NOT_AVAILABLE: "Neighbours",
}
#: The event types a history can hold that a source may not: said when it holds none.
VISITS = ("focused_visit", "monitoring_visit")
#: The dates of an event a profile says.
DateField = Literal["start_date", "end_date", "publication_date"]


def day(value: date | None) -> str:
    return long_date(value) if value is not None else "not held"


def event_day(event: Event, field: DateField) -> str:
    """A day of an event (`start_date`, `end_date`, `publication_date`): "by 31 December
    2017" where that date is a bound (the sources give the year only), so that no bound
    reads as the day itself."""
    value: date | None = getattr(event, field)
    said = day(value)
    return f"by {said}" if value is not None and field in event.bound_dates else said


def days(n: int | float) -> str:
    return f"{n:,} day{'' if n == 1 else 's'}"


def names(refs: Iterable[LaRef]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    listed = [r.name for r in refs] or ["no LA recorded"]
    return ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else listed[0]


def judgement(event: Event | None, area: str) -> str:
    """An area's judgement at an inspection: its label, or why there is none."""
    if event is None or area not in event.judgements:
        return NOT_GIVEN
    value = event.judgements[area]
    return LABELS[value] if value else NOT_HELD


def event_type(value: str) -> str:
    return EVENT_TYPE_LABELS.get(value, value.replace("_", " "))


def framework(value: str | None) -> str:
    """A framework version's name (or ILACS, all its versions as one)."""
    if value == ILACS:
        return "ILACS"
    version = by_id().get(value or "")
    return version.name if version else "not known"


def area(value: str) -> str:
    return AREA_LABELS.get(value, value)


def existence(profile: LaProfile, as_at: date) -> str | None:
    """Whether the LA existed at the date, and what it became or came from."""
    change = profile.structural_change
    if change is None:
        return None
    parts = []
    if change.created_on is not None:
        created = (
            f"Did not exist yet on {day(as_at)}: created"
            if profile.existence == NOT_YET_CREATED
            else "Created"
        )
        parts.append(f"{created} on {day(change.created_on)} from {names(change.predecessors)}.")
    if change.last_day is not None:
        ended = f"No longer existed on {day(as_at)}: its" if profile.existence == CEASED else "Its"
        parts.append(
            f"{ended} last day was {day(change.last_day)}; its successors: "
            f"{names(change.successors)}."
        )
    return " ".join(parts)


def rule(r: FrameworkRule, as_at: date) -> str:
    """The framework's rule and where the date falls in its window."""
    if r.not_applied is not None:
        in_force = framework_on(as_at)
        return NOT_APPLIED[r.not_applied].format(
            day=day(as_at), framework=in_force.name if in_force else "none"
        )
    since = (
        "since its creation"
        if r.counted_from == "creation"
        else "since the last graded inspection started"
    )
    text = f"{r.wording} {days(r.days_since or 0)} {since} ({day(r.counted_from_date)})."
    if r.window_start is not None and r.window_end is not None:
        where = {
            "before_window": "The window has not opened yet",
            "in_window": "The date falls in the window",
            "after_window": "The window has closed",
        }[r.position or ""]
        text += f" Window: {day(r.window_start)} to {day(r.window_end)}. {where}."
    return text


def gap_row(g: GapRow) -> str:
    """A row of the observed gaps, short: 'ILACS, good', 'From creation'."""
    if g.after == "creation":
        return "From an LA's creation"
    short = "ILACS" if g.framework == ILACS else (g.framework or "").upper()
    return f"{short}, {SHORT_LABELS[g.judgement].lower() if g.judgement else 'no judgement'}"


def gap_case(g: GapRow | Observed) -> str:
    """What a row of observed gaps is of: 'after an inspection under ILACS judged good'."""
    if g.after == "creation":
        return "from an LA's creation to its first graded inspection"
    judged = (
        f"judged {LABELS[g.judgement].lower()}"
        if g.judgement
        else "without an overall effectiveness judgement in the source"
    )
    return f"after an inspection under {framework(g.framework)} {judged}"


def observed(o: Observed) -> str:
    """The observed gaps of the LA's case, and whether it is past the longest."""
    if o.after is None:
        return "No graded inspection or creation date is held to count from."
    case = gap_case(o)
    if o.gaps is None:
        return f"No gap {case} is observed in the records held."
    g = o.gaps
    text = (
        f"Gaps {case}: {days(g.min_days)} to {days(g.max_days)}, median "
        f"{days(g.median_days)} (n = {g.n})."
    )
    if o.days_since is None:
        return text + " The source holds no start date to count from."
    verdict = (
        f"overdue: longer than the longest gap observed ({days(g.max_days)})"
        if o.overdue
        else "within the longest gap observed"
    )
    return text + f" {days(o.days_since)} so far: {verdict}."


def position(p: Position) -> str:
    if p.rank is None:
        return f"{p.among}: not ranked (no judgement held; {p.of} LAs ranked)"
    joint = f", joint with {p.same - 1} other{'s' if p.same > 2 else ''}" if p.same > 1 else ""
    return f"{p.among}: rank {p.rank} of {p.of}{joint}; quartile {p.quartile}"


def types_not_held(holds: Iterable[str]) -> str | None:
    """The visits a source does not hold, in words (None: it holds them)."""
    missing = [event_type(t).lower() + "s" for t in VISITS if t not in holds]
    return " or ".join(missing) or None


def not_inspected(profile: LaProfile) -> str:
    if profile.existence == EXISTS:
        return "Not yet inspected: the source holds no graded inspection as at the date."
    return "No graded inspection of it is held as at the date."


def no_neighbours(profile: LaProfile) -> str:
    n = profile.neighbours
    if n.basis == NOT_AVAILABLE:
        return n.note
    where = n.file.rsplit("/", 1)[-1] if n.file else "the hex map"
    return f"{NEIGHBOURS_TITLES[n.basis]}: none for {profile.la.name} in {where}."
