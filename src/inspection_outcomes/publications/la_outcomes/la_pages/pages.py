"""The LA pages of a release: la/index.html, a table of every LA that sorts and filters with
the page's own script (assets/la-table.js) and reads whole without it, and la/<GSS>.html for
each LA (the former ones too): its inspections beside the previous ones, a time line of its
judgements with a table of the same events, its neighbours, its next inspection seen two
ways, and its standing. Written through the release's one template environment (escaped)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.pages import SIMULATED_WARNING, environment
from inspection_outcomes.core.types import DataTable
from inspection_outcomes.model.frameworks import ALL_AREAS
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS, SHORT_LABELS
from inspection_outcomes.publications.la_outcomes.la_pages.profiles_file import profiles_files
from inspection_outcomes.publications.la_outcomes.la_pages.timeline import timeline
from inspection_outcomes.publications.la_outcomes.pages import NAV, TEMPLATES
from inspection_outcomes.publications.la_outcomes.profiles import wording as say
from inspection_outcomes.publications.la_outcomes.profiles.build import (
    EXISTS,
    LaProfile,
    Profiles,
)
from inspection_outcomes.publications.la_outcomes.profiles.records import Event
from inspection_outcomes.safe_text import publisher_link

INDEX = "la/index.html"
SCRIPT = "assets/la-table.js"
SCRIPT_SOURCE = Path(__file__).resolve().parents[1] / "static" / "la-table.js"
NONE_HELD = "none held"


def page_of(la_code: str) -> str:
    """An LA's page, from the release's folder."""
    return f"la/{la_code}.html"


def _overall(p: LaProfile) -> str:
    if p.latest_inspection is None:
        return "Not yet inspected" if p.existence == EXISTS else NONE_HELD
    return say.judgement(p.latest_inspection, "overall_effectiveness").capitalize()


def _sort_key(p: LaProfile) -> int:
    """Overall effectiveness sorted best first; none held last."""
    value = (
        p.latest_inspection.judgements.get("overall_effectiveness") if p.latest_inspection else None
    )
    return JUDGEMENTS.index(value) if value in JUDGEMENTS else len(JUDGEMENTS)


def _next(p: LaProfile, profiles: Profiles) -> str:
    nxt = p.next_inspection
    if nxt is None:
        return ""
    r = nxt.rule
    if r.window_start is not None and r.window_end is not None:
        return f"{say.day(r.window_start)} to {say.day(r.window_end)}"
    if r.not_applied is not None:
        return "no rule applies"
    return "no fixed window"


def index_rows(profiles: Profiles) -> list[dict[str, Any]]:
    rows = []
    for code, p in profiles.profiles.items():
        latest = p.latest_inspection
        seen = p.next_inspection.observed if p.next_inspection else None
        rows.append(
            {
                "code": code,
                "href": f"{code}.html",
                "name": p.la.name,
                "region": p.la.region,
                "exists": p.existence == EXISTS,
                "overall": _overall(p),
                "overall_sort": _sort_key(p),
                "start": say.event_day(latest, "start_date")
                if latest and latest.start_date
                else "",
                "start_sort": latest.took_place.isoformat() if latest else "",
                "type": say.event_type(latest.event_type) if latest else "",
                "next": _next(p, profiles),
                "overdue": "Overdue" if seen and seen.overdue else "",
            }
        )
    return rows


def _history_rows(events: tuple[Event, ...]) -> list[dict[str, Any]]:
    """Each event's cells, and its report's address where it is the publisher's own (an
    address from the source is never written as a link otherwise)."""
    return [
        {
            "cells": [
                say.event_day(e, "start_date"),
                say.event_day(e, "publication_date"),
                say.event_type(e.event_type),
                say.framework(e.framework),
                say.judgement(e, "overall_effectiveness") if e.graded else "no judgement (a visit)",
            ],
            "report": publisher_link(e.report_ref),
        }
        for e in events
    ]


def _inspection_rows(p: LaProfile) -> list[list[str]]:
    pair = (p.latest_inspection, p.previous_inspection)

    def row(label: str, value: Any) -> list[str]:
        return [label, *(value(e) if e else NONE_HELD for e in pair)]

    rows = [
        row("Start", lambda e: say.event_day(e, "start_date")),
        row("Report published", lambda e: say.event_day(e, "publication_date")),
        row("Type", lambda e: say.event_type(e.event_type)),
        row("Framework", lambda e: say.framework(e.framework)),
    ]
    for area in ALL_AREAS:
        if any(e and area in e.judgements for e in pair):
            rows.append(row(say.area(area), lambda e, a=area: say.judgement(e, a)))
    return rows


def _distribution_rows(p: LaProfile) -> list[list[str]]:
    s = p.standing
    if s is None:
        return []
    out = []
    for pos in (s.england, s.region):
        d = pos.distribution
        out.append(
            [
                pos.among,
                *(f"{d['counts'][j]} ({d['percent'][j] or 0}%)" for j in JUDGEMENTS),
                str(d["n"]),
            ]
        )
    return out


def _standing_text(p: LaProfile) -> str:
    s = p.standing
    if s is None:
        return ""
    own = (
        LABELS[s.judgement] if s.judgement else say.NOT_HELD if p.inspected else "not yet inspected"
    )
    return (
        f"{say.area(s.area)}: {own.lower()}. {say.position(s.england)}. {say.position(s.region)}."
    )


def _neighbour_rows(p: LaProfile, pages: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for n in p.neighbours.local_authorities:
        overall = n.judgements.get("overall_effectiveness")
        rows.append(
            {
                "position": n.position,
                "name": n.name,
                "href": f"{n.la_code}.html" if n.la_code in pages else "",
                "overall": SHORT_LABELS[overall]
                if overall
                else NONE_HELD
                if n.exists_at_date
                else "did not exist at the date",
                "start": say.day(n.latest_inspection_start)
                if n.latest_inspection_start
                else NONE_HELD,
            }
        )
    return rows


def _refs(refs: Any, pages: dict[str, str]) -> list[dict[str, str]]:
    return [
        {"name": r.name, "href": f"{r.la_code}.html" if r.la_code in pages else ""} for r in refs
    ]


def _gap_rows(profiles: Profiles, mine: Any) -> list[dict[str, Any]]:
    return [
        {
            "row": say.gap_row(g),
            "mine": g == mine,
            "cells": [
                {"text": v, "format": "numeric"}
                for v in (str(g.n), f"{g.min_days:,}", f"{g.median_days:,}", f"{g.max_days:,}")
            ],
        }
        for g in profiles.observed_gaps
    ]


def profile_context(
    profiles: Profiles, p: LaProfile, pages: dict[str, str], gaps_table: Any = None
) -> dict[str, Any]:
    """What an LA's page shows, as text and numbers (the template escapes it); `gaps_table`
    renders the table of observed gaps with the LA's own row marked."""
    la = p.la
    nxt = p.next_inspection
    mine = nxt.observed.gaps if nxt else None
    change = p.structural_change
    own = SHORT_LABELS[p.standing.judgement] if p.standing and p.standing.judgement else None
    return {
        "la": la,
        "summary": [
            ("GSS code", la.la_code),
            ("LA code", la.old_la_code or "none"),
            ("Ofsted URN", la.ofsted_urn or "not recorded"),
            ("Region", la.region),
        ],
        "existence": say.existence(p, profiles.as_at),
        "predecessors": _refs(change.predecessors, pages) if change else [],
        "successors": _refs(change.successors, pages) if change else [],
        "inspected": p.inspected,
        "not_inspected": say.not_inspected(p),
        "inspections_table": DataTable(
            "latest",
            "Latest graded inspection, with the previous one",
            ["", "Latest", "Previous"],
            _inspection_rows(p),
        ),
        "timeline": timeline(p.history, profiles.as_at),
        "history_caption": f"Inspections and visits of {la.name}, in date order",
        "history_rows": _history_rows(p.history),
        "visits_not_held": say.types_not_held(profiles.source.holds),
        "neighbours_title": say.NEIGHBOURS_TITLES[p.neighbours.basis],
        "neighbours_note": p.neighbours.note
        if p.neighbours.local_authorities
        else say.no_neighbours(p),
        "neighbours": _neighbour_rows(p, pages),
        "next": nxt is not None,
        "rule": say.rule(nxt.rule, profiles.as_at) if nxt else "",
        "rule_quote": nxt.rule.quote if nxt else None,
        "rule_quote_source": nxt.rule.quote_source if nxt else None,
        "observed": say.observed(nxt.observed) if nxt else "",
        "overdue": bool(nxt and nxt.observed.overdue),
        "gaps_table": gaps_table(mine) if gaps_table else "",
        "standing": _standing_text(p),
        "distribution_table": DataTable(
            "distribution",
            "Overall effectiveness: LAs (and per cent) by judgement"
            + (f"; this LA: {own.lower()}" if own else ""),
            ["", *(SHORT_LABELS[j] for j in JUDGEMENTS), "LAs"],
            _distribution_rows(p),
        ),
    }


def render_la_pages(content: ReleaseContent, profiles: Profiles) -> dict[str, str]:
    """Page name -> text: la/index.html, la/<GSS>.html each, the script and the CSV."""
    env = environment()
    common: dict[str, Any] = {
        "meta": content.meta,
        "nav": NAV,
        "root": "../",
        "simulated_warning": SIMULATED_WARNING,
        "publication_date": "",
        "caption": "Official statistics",
        "page_title_suffix": False,
        "as_at": say.day(profiles.as_at),
        "cutoff": say.day(profiles.publication_cutoff),
    }
    pages_of = {code: page_of(code) for code in profiles.profiles}
    rows = index_rows(profiles)
    out: dict[str, str] = {}
    out[INDEX] = env.get_template(TEMPLATES + "la_index.html.j2").render(
        **common,
        current=INDEX,
        page_title="Local authorities",
        current_rows=[r for r in rows if r["exists"]],
        former_rows=[r for r in rows if not r["exists"]],
        regions=sorted({r["region"] for r in rows if r["exists"]}),
        profiles_csv="../data/la_profiles.csv",
    )
    template = env.get_template(TEMPLATES + "la_profile.html.j2")
    macro = env.get_template(TEMPLATES + "la_gaps.html.j2").module.gaps_table  # type: ignore[attr-defined]
    rendered: dict[Any, Any] = {}

    def gaps_table(mine: Any) -> Any:
        """The same table for every LA of one case: rendered once a case."""
        if mine not in rendered:
            rendered[mine] = macro(_gap_rows(profiles, mine))
        return rendered[mine]

    for code, p in profiles.profiles.items():
        out[pages_of[code]] = template.render(
            **{**common, "caption": "Local authority"},
            current=INDEX,
            page_title=p.la.name,
            **profile_context(profiles, p, pages_of, gaps_table),
        )
    out[SCRIPT] = SCRIPT_SOURCE.read_text(encoding="utf-8")
    out.update(profiles_files(profiles, pages_of))
    return out
