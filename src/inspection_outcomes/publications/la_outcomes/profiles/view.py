"""An LA's profile for people at a terminal (`outcomes la NAME --format table`). Text from
the records and the LA table is printed as text, never read as console markup."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.console import Console, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from inspection_outcomes.model.frameworks import ALL_AREAS
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS, SHORT_LABELS
from inspection_outcomes.publications.la_outcomes.profiles import wording as say
from inspection_outcomes.publications.la_outcomes.profiles.build import LaProfile, Profiles
from inspection_outcomes.publications.la_outcomes.profiles.records import Event
from inspection_outcomes.publications.la_outcomes.profiles.standing import Standing

NONE_HELD = "none held"


def _say(c: Console, text: str | RenderableType, bold: bool = False) -> None:
    if isinstance(text, str):
        c.print(Text(text, style="bold" if bold else ""), highlight=False)
    else:
        c.print(text)


def _header(c: Console, profiles: Profiles, p: LaProfile) -> None:
    la = p.la
    _say(c, la.name, bold=True)
    _say(
        c,
        " · ".join(
            [
                f"GSS code {la.la_code}",
                f"LA code {la.old_la_code or 'none'}",
                f"Ofsted URN {la.ofsted_urn or 'not recorded'}",
                la.region,
            ]
        ),
    )
    change = say.existence(p, profiles.as_at)
    if change:
        _say(c, change)
    _say(
        c,
        f"As at {say.day(profiles.as_at)} (reports published by "
        f"{say.day(profiles.publication_cutoff)}). Source: {profiles.source.description}.",
    )
    if profiles.source.simulated:
        c.print("[bold red]Simulated data[/bold red]")


def _inspections(latest: Event | None, previous: Event | None) -> Table:
    t = Table(title="Latest graded inspection, with the previous one", title_justify="left")
    for col in ("", "Latest", "Previous"):
        t.add_column(col)
    pair = (latest, previous)

    def row(label: str, value: Callable[[Event], str]) -> None:
        t.add_row(label, *(escape(value(e)) if e else NONE_HELD for e in pair))

    row("Start", lambda e: say.event_day(e, "start_date"))
    row("Published", lambda e: say.event_day(e, "publication_date"))
    row("Type", lambda e: say.event_type(e.event_type))
    row("Framework", lambda e: say.framework(e.framework))
    for area in ALL_AREAS:
        if any(e and area in e.judgements for e in pair):
            row(say.area(area), partial(say.judgement, area=area))
    return t


def _history(profiles: Profiles, p: LaProfile) -> Table | str:
    title = "History of inspections and visits"
    missing = say.types_not_held(profiles.source.holds)
    if missing:
        title += f" (the source holds no {missing})"
    if not p.history:
        return f"{title}: none held as at the date."
    t = Table(title=f"{title}: {len(p.history)}", title_justify="left")
    for col in ("Start", "Published", "Type", "Framework", "Overall"):
        t.add_column(col)
    for e in p.history:
        t.add_row(
            say.event_day(e, "start_date"),
            say.event_day(e, "publication_date"),
            escape(say.event_type(e.event_type)),
            say.framework(e.framework),
            say.judgement(e, "overall_effectiveness") if e.graded else "",
        )
    return t


def _neighbours(p: LaProfile) -> Table | str:
    n = p.neighbours
    if not n.local_authorities:
        return say.no_neighbours(p)
    t = Table(
        title=say.NEIGHBOURS_TITLES[n.basis],
        caption=escape(n.note),
        title_justify="left",
        caption_justify="left",
    )
    for col in ("", "LA", "Overall effectiveness", "Latest graded inspection"):
        t.add_column(col)
    for x in n.local_authorities:
        overall = x.judgements.get("overall_effectiveness")
        shown = (
            SHORT_LABELS[overall]
            if overall
            else NONE_HELD
            if x.exists_at_date
            else "did not exist at the date"
        )
        t.add_row(
            str(x.position),
            escape(x.name),
            shown,
            say.day(x.latest_inspection_start) if x.latest_inspection_start else NONE_HELD,
        )
    return t


def _gaps(profiles: Profiles, p: LaProfile) -> Table:
    """The table of observed gaps, the LA's own row marked."""
    mine = p.next_inspection.observed.gaps if p.next_inspection else None
    t = Table(
        title="Gaps observed between graded inspections (days, start to start)",
        title_justify="left",
    )
    for col in ("After (framework, judgement)", "n", "Shortest", "Median", "Longest"):
        t.add_column(col, justify="right" if col != "After (framework, judgement)" else "left")
    for g in profiles.observed_gaps:
        t.add_row(
            say.gap_row(g) + (" (this LA)" if g == mine else ""),
            str(g.n),
            f"{g.min_days:,}",
            f"{g.median_days:,}",
            f"{g.max_days:,}",
        )
    return t


def _standing(s: Standing, inspected: bool) -> str:
    own = LABELS[s.judgement] if s.judgement else say.NOT_HELD if inspected else "not yet inspected"
    return (
        f"Standing ({say.area(s.area).lower()}: {own}): {say.position(s.england)}. "
        f"{say.position(s.region)}."
    )


def _distribution(s: Standing) -> Table:
    t = Table(title=f"{say.area(s.area)}: distribution", title_justify="left")
    t.add_column("")
    for j in JUDGEMENTS:
        t.add_column(SHORT_LABELS[j] + (" (this LA)" if j == s.judgement else ""), justify="right")
    t.add_column("n", justify="right")
    for pos in (s.england, s.region):
        d = pos.distribution
        t.add_row(
            escape(pos.among),
            *(f"{d['counts'][j]} ({d['percent'][j] or 0}%)" for j in JUDGEMENTS),
            str(d["n"]),
        )
    return t


def print_profile(profiles: Profiles, la_code: str, console: Console | None = None) -> None:
    c = console or Console()
    p = profiles.profiles[la_code]
    _header(c, profiles, p)
    if p.inspected:
        _say(c, _inspections(p.latest_inspection, p.previous_inspection))
    else:
        _say(c, say.not_inspected(p))
    _say(c, _history(profiles, p))
    _say(c, _neighbours(p))
    if p.next_inspection is not None:
        rule = p.next_inspection.rule
        _say(c, "Next inspection", bold=True)
        _say(c, f"The framework's rule: {say.rule(rule, profiles.as_at)}")
        if rule.quote:
            _say(c, f"  \u201c{rule.quote}\u201d ({rule.quote_source})")
        _say(c, f"What the history shows: {say.observed(p.next_inspection.observed)}")
        _say(c, _gaps(profiles, p))
    if p.standing is not None:
        _say(c, _standing(p.standing, p.inspected))
        _say(c, _distribution(p.standing))
