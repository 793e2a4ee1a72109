"""data/la_profiles.csv: one row per LA (the former ones too) with what its page says, for
people who want every LA's profile in one spreadsheet; its .meta.csv describes each column."""

from __future__ import annotations

from datetime import date

from inspection_outcomes.model.frameworks import ALL_AREAS, AREA_LABELS
from inspection_outcomes.model.scale import LABELS
from inspection_outcomes.publications.la_outcomes.profiles import wording as say
from inspection_outcomes.publications.la_outcomes.profiles.build import (
    EXISTS,
    LaProfile,
    Profiles,
)
from inspection_outcomes.safe_text import csv_text

NAME = "la_profiles"
NOT_INSPECTED = "not yet inspected"
NOT_HELD = say.NOT_HELD
NOT_GIVEN = say.NOT_GIVEN
NONE_HELD = "none held"  # a former LA with no graded inspection in the source

#: (column, label, description) in file order.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("as_at", "As at", "The date of the profile (ISO)"),
    ("la_code", "LA code", "GSS code of the local authority"),
    ("old_la_code", "Old LA code", "Department for Education 3-digit code"),
    ("ofsted_urn", "Ofsted URN", "Ofsted's unique reference number of the LA"),
    ("la_name", "Local authority", "Name of the local authority"),
    ("region", "Region", "Ofsted region"),
    ("existence", "Existence", "At the date: exists, ceased or not yet created"),
    ("created_on", "Created on", "First day of an LA created by reorganisation"),
    ("last_day", "Last day", "Last day of an LA that ended by reorganisation"),
    ("predecessors", "Predecessors", "GSS codes of the LAs it replaced (semicolons)"),
    ("successors", "Successors", "GSS codes of the LAs that replaced it (semicolons)"),
    ("page", "Page", "Its page in the release, from the release's folder"),
    (
        "latest_inspection_start",
        "Latest inspection start",
        "First day of the latest graded inspection",
    ),
    ("latest_inspection_published", "Latest report published", "Publication date of its report"),
    ("latest_inspection_type", "Latest inspection type", "Type of the latest graded inspection"),
    ("latest_framework", "Latest framework", "Its framework version"),
    *(
        (
            a,
            AREA_LABELS.get(a, a),
            f"Judgement at the latest graded inspection; '{NOT_GIVEN}' where its framework "
            f"gives none, '{NOT_HELD}' where the source lacks it, '{NOT_INSPECTED}' (or "
            f"'{NONE_HELD}' for a former LA)",
        )
        for a in ALL_AREAS
    ),
    ("previous_inspection_start", "Previous inspection start", "First day of the one before"),
    ("previous_overall_effectiveness", "Previous overall effectiveness", "Its overall judgement"),
    ("events_held", "Inspections and visits", "Inspections and visits held as at the date"),
    ("next_inspection", "Next inspection (framework)", "The framework's rule for the next one"),
    ("window_start", "Window opens", "First day of the rule's window, where it has one"),
    ("window_end", "Window closes", "Last day of the rule's window"),
    ("days_since_last", "Days since", "Days from the start it counts from to the date"),
    (
        "observed_max_days",
        "Longest gap observed",
        "The longest gap observed after a case like this LA's (days)",
    ),
    ("overdue", "Overdue", "yes where the days since exceed the longest gap observed"),
    ("england_rank", "Rank in England", "Rank by overall effectiveness (1: best; ties share)"),
    ("england_of", "Ranked in England", "LAs with a judgement in England"),
    ("region_rank", "Rank in region", "Rank by overall effectiveness in the region"),
    ("region_of", "Ranked in region", "LAs with a judgement in the region"),
    ("neighbours", "Neighbours", "GSS codes of its neighbours, closest first (semicolons)"),
)


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _judgement(p: LaProfile, area: str) -> str:
    e = p.latest_inspection
    if e is None:
        return _no_inspection(p)
    if area not in e.judgements:
        return NOT_GIVEN
    value = e.judgements[area]
    return LABELS[value] if value else NOT_HELD


def _no_inspection(p: LaProfile) -> str:
    return NOT_INSPECTED if p.existence == EXISTS else NONE_HELD


def profile_row(profiles: Profiles, p: LaProfile, page: str) -> dict[str, str]:
    la, change, nxt, standing = p.la, p.structural_change, p.next_inspection, p.standing
    latest, previous = p.latest_inspection, p.previous_inspection
    rule = nxt.rule if nxt else None
    seen = nxt.observed if nxt else None
    row = {
        "as_at": profiles.as_at.isoformat(),
        "la_code": la.la_code,
        "old_la_code": la.old_la_code or "",
        "ofsted_urn": la.ofsted_urn or "",
        "la_name": la.name,
        "region": la.region,
        "existence": p.existence.replace("_", " "),
        "created_on": _day(change.created_on if change else None),
        "last_day": _day(change.last_day if change else None),
        "predecessors": ";".join(r.la_code for r in change.predecessors) if change else "",
        "successors": ";".join(r.la_code for r in change.successors) if change else "",
        "page": page,
        "latest_inspection_start": _day(latest.start_date if latest else None),
        "latest_inspection_published": _day(latest.publication_date if latest else None),
        "latest_inspection_type": say.event_type(latest.event_type)
        if latest
        else _no_inspection(p),
        "latest_framework": say.framework(latest.framework) if latest else "",
        **{a: _judgement(p, a) for a in ALL_AREAS},
        "previous_inspection_start": _day(previous.start_date if previous else None),
        "previous_overall_effectiveness": (
            say.judgement(previous, "overall_effectiveness") if previous else ""
        ),
        "events_held": str(len(p.history)),
        "next_inspection": say.rule(rule, profiles.as_at) if rule else "",
        "window_start": _day(rule.window_start if rule else None),
        "window_end": _day(rule.window_end if rule else None),
        "days_since_last": "" if rule is None or rule.days_since is None else str(rule.days_since),
        "observed_max_days": str(seen.gaps.max_days) if seen and seen.gaps else "",
        "overdue": {True: "yes", False: "no", None: ""}[seen.overdue if seen else None],
        "england_rank": _rank(standing.england.rank if standing else None),
        "england_of": str(standing.england.of) if standing else "",
        "region_rank": _rank(standing.region.rank if standing else None),
        "region_of": str(standing.region.of) if standing else "",
        "neighbours": ";".join(n.la_code for n in p.neighbours.local_authorities),
    }
    return row


def _rank(rank: int | None) -> str:
    return "" if rank is None else str(rank)


def profiles_files(profiles: Profiles, pages: dict[str, str]) -> dict[str, str]:
    """data/la_profiles.csv and its .meta.csv, as text (pages: GSS code -> page path)."""
    names = [c for c, _, _ in COLUMNS]
    rows = [profile_row(profiles, p, pages.get(code, "")) for code, p in profiles.profiles.items()]
    return {
        f"data/{NAME}.csv": csv_text(names, ([r[c] for c in names] for r in rows)),
        f"data/{NAME}.meta.csv": csv_text(("col_name", "label", "description"), COLUMNS),
    }
