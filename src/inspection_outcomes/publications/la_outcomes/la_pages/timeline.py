"""An LA's inspections on a time line, as numbers for the SVG template (la_timeline.svg.j2).

Graded inspections sit on the row of their overall effectiveness (best at the top); one
whose judgement is not held or not given sits on the row below the scale, hollow; visits
(focused and monitoring) sit on the bottom row as small diamonds. The template writes the
text, escaped; this module only places the marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from inspection_outcomes.core.charts import JUDGEMENT_COLOURS, NEUTRAL
from inspection_outcomes.model.scale import JUDGEMENTS, SHORT_LABELS
from inspection_outcomes.publications.la_outcomes.profiles import wording as say
from inspection_outcomes.publications.la_outcomes.profiles.records import Event

# A narrow drawing, so that its text stays legible on a phone (it is drawn at most 30rem wide).
WIDTH = 360
LEFT = 90  # room for the row labels
RIGHT = 22
TOP = 10
ROW = 32
NOT_HELD_ROW = "Not held"
VISITS_ROW = "Visits"
ROWS = (*(SHORT_LABELS[j] for j in JUDGEMENTS), NOT_HELD_ROW, VISITS_ROW)
#: Row labels too long for the margin, on two lines.
LINES = {"Requires improvement": ("Requires", "improvement")}


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    shape: str  # circle, ring or diamond
    fill: str
    title: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    left: int
    right: int
    rows: tuple[tuple[tuple[str, ...], float], ...]  # the label's lines, y
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]
    as_at_x: float


def _fraction(day: date, start: date, end: date) -> float:
    return (day - start).days / max((end - start).days, 1)


def timeline(events: Sequence[Event], as_at: date) -> Timeline:
    """The marks of the events up to the as-at date, on years from the first event's."""
    first_year = min((e.took_place.year for e in events), default=as_at.year - 3)
    start, end = date(first_year, 1, 1), date(as_at.year + 1, 1, 1)
    span = WIDTH - LEFT - RIGHT

    def x_of(day: date) -> float:
        return round(LEFT + span * _fraction(day, start, end), 1)

    row_y = {label: TOP + ROW * i + ROW / 2 for i, label in enumerate(ROWS)}
    marks = []
    for e in events:
        overall = e.judgements.get("overall_effectiveness") if e.graded else None
        when = say.event_day(e, "start_date" if e.start_date else "publication_date")
        what = f"{say.event_type(e.event_type)}, {when}"
        if not e.graded:
            marks.append(Mark(x_of(e.took_place), row_y[VISITS_ROW], "diamond", NEUTRAL, what))
        elif overall:
            label = SHORT_LABELS[overall]
            marks.append(
                Mark(
                    x_of(e.took_place),
                    row_y[label],
                    "circle",
                    JUDGEMENT_COLOURS[overall],
                    f"{what}: overall effectiveness {label.lower()}",
                )
            )
        else:
            marks.append(
                Mark(
                    x_of(e.took_place),
                    row_y[NOT_HELD_ROW],
                    "ring",
                    "none",
                    f"{what}: {say.judgement(e, 'overall_effectiveness')}",
                )
            )
    years = range(first_year, as_at.year + 2)
    step = 1 if len(years) <= 6 else 2 if len(years) <= 12 else 3
    ticks = tuple(Tick(x_of(date(y, 1, 1)), str(y)) for y in years if (y - first_year) % step == 0)
    return Timeline(
        WIDTH,
        int(TOP + ROW * len(ROWS) + 24),
        LEFT,
        RIGHT,
        tuple((LINES.get(label, (label,)), y) for label, y in row_y.items()),
        ticks,
        tuple(marks),
        x_of(as_at),
    )
