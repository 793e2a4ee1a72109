"""The figures of the children's social care providers release, as one dict (figures.md).

Fixed keys: ``latest_overall_effectiveness``, ``in_year_overall_effectiveness`` and
``providers_and_places``; added: ``by_sector``, ``by_region``, ``by_ons_region`` (the tidy
files' regions), ``by_local_authority``, ``latest_sub_judgements`` (the SCCIF's three
judgements), ``change_since_previous_inspection``, ``register_details`` (home types and
supported accommodation premises), ``joiners_and_leavers`` (with its ``method``: the source's
table or two registers, or ``absent_because``), ``previous_year`` (the previous file's
figures, or None), ``published_by`` (the latest report publication dates the data hold),
``rules``, ``sources`` and ``in_year_overall_effectiveness.provisional`` (a period shorter
than a year). Counts come from the warehouse models;
a figure the source cannot support (no in-year table, no providers and places table, no
supported accommodation outcome column) is None, never 0.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb

from inspection_outcomes.errors import InputError
from inspection_outcomes.model import providers as pm
from inspection_outcomes.model.ees_geography import regions as ons_regions
from inspection_outcomes.model.scale import JUDGEMENTS, SUPPORTED_ACCOMMODATION_JUDGEMENTS
from inspection_outcomes.sources.ofsted_providers import ProviderSource
from inspection_outcomes.store import providers as wh

#: Ofsted's 8 regions; any other region in the data (a few providers in Wales) follows.
REGIONS = (
    "East Midlands",
    "East of England",
    "London",
    "North East, Yorkshire and the Humber",
    "North West",
    "South East",
    "South West",
    "West Midlands",
)
LA_GROUPS = ("all_providers", "all_childrens_homes")

IN_YEAR_RULE = (
    "events in the period that carry a judgement on their group's scale: full inspections, "
    "and monitoring inspections the data record with a full set of judgements"
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def label(self) -> str:
        s, e = self.start, self.end
        if (s.month, s.day, e.month, e.day) == (4, 1, 3, 31) and e.year == s.year + 1:
            return f"{s.year}-{e.year % 100:02d}"
        return f"{s.isoformat()} to {e.isoformat()}"

    @property
    def provisional(self) -> bool:
        """Shorter than a year (e.g. 1 April to 31 August): reports of inspections late in
        the period may not yet be published, so its data will be revised."""
        return (self.end - self.start).days + 1 < 365


def financial_year_to(as_at: date) -> Period:
    """The year of 1 April to 31 March that ends on or before as_at's 31 March."""
    end_year = as_at.year if (as_at.month, as_at.day) >= (3, 31) else as_at.year - 1
    return Period(date(end_year - 1, 4, 1), date(end_year, 3, 31))


def _year(start: date, end: date) -> str:
    if (start.month, start.day, end.month, end.day) == (4, 1, 3, 31):
        return f"{start.year}-{str(end.year)[2:]} ({long(start)} to {long(end)})"
    return f"{long(start)} to {long(end)}"


def long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def check_in_year_period(in_year: ProviderSource | None, as_at: date) -> None:
    """In-year data must be for the year of the release: a table whose title gives a year
    that does not hold the as-at date (2024-25 events for a release as at 31 March 2024)
    is an error naming both, unless asked for (--allow-other-period)."""
    declared = in_year.events_period if in_year is not None else None
    if in_year is None or declared is None or declared[0] <= as_at <= declared[1]:
        return
    release = financial_year_to(as_at)
    raise InputError(
        f"holds in-year data for {_year(*declared)}, but the release as at {long(as_at)} is "
        f"for {_year(release.start, release.end)}: give that year's in-year data, or "
        "--allow-other-period to publish these with this release",
        file=in_year.path,
        field="--in-year-source",
    )


def choose_period(
    in_year: ProviderSource | None, as_at: date, start: date | None, end: date | None
) -> Period:
    """The in-year period: as asked; else as the in-year table says; else the year to as_at."""
    declared = in_year.events_period if in_year is not None else None
    default = Period(*declared) if declared else financial_year_to(as_at)
    period = Period(start or default.start, end or default.end)
    if period.end < period.start:
        raise InputError(
            f"the period ends ({period.end}) before it starts ({period.start})",
            field="--period-end",
        )
    return period


def _scale(group: str) -> tuple[str, ...]:
    return SUPPORTED_ACCOMMODATION_JUDGEMENTS if group in pm.SA_GROUPS else JUDGEMENTS


def _judgement_counts(
    rows: list[tuple[Any, ...]], groups: tuple[str, ...], supported: bool, sa_supported: bool
) -> dict[str, Any]:
    """{group: {judgement: count}} from (group, judgement, n) rows, None where unsupported."""
    got = {(g, j): n for g, j, n in rows}
    out: dict[str, Any] = {}
    for g in groups:
        ok = supported and (sa_supported or g not in pm.SA_GROUPS)
        out[g] = {j: (got.get((g, j), 0) if ok else None) for j in _scale(g)}
    return out


def _nested_judgements(
    rows: list[tuple[Any, ...]],
    keys: tuple[str, ...],
    groups: tuple[str, ...],
    supported: bool,
    sa_supported: bool,
) -> dict[str, Any]:
    by_key: dict[str, list[tuple[Any, ...]]] = {k: [] for k in keys}
    for k, g, j, n in rows:
        by_key.setdefault(k, []).append((g, j, n))
    return {k: _judgement_counts(v, groups, supported, sa_supported) for k, v in by_key.items()}


def _nested_register(
    rows: list[tuple[Any, ...]], keys: tuple[str, ...], groups: tuple[str, ...], supported: bool
) -> tuple[dict[str, Any], ...]:
    providers: dict[str, Any] = {k: {} for k in keys}
    places: dict[str, Any] = {k: {} for k in keys}
    got = {(k, g): (n, p) for k, g, n, p in rows}
    for k, _ in got:
        providers.setdefault(k, {})
        places.setdefault(k, {})
    for k in providers:
        for g in groups:
            n, p = got.get((k, g), (0, None))
            providers[k][g] = n if supported else None
            places[k][g] = p if supported else None
    return providers, places


def _q(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    return con.execute(sql).fetchall()


def build_figures(
    source: ProviderSource,
    as_at: date,
    in_year_source: ProviderSource | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    sector_rule: pm.SectorRule | None = None,
    *,
    allow_other_period: bool = False,
    previous: ProviderSource | None = None,
) -> dict[str, Any]:
    """The providers release figures as at ``as_at``.

    Latest judgements, providers and places, and joiners and leavers come from ``source``
    (whose provider-level table must be as at ``as_at`` when its title gives a date); in-year
    figures from ``in_year_source``, or from ``source`` when that has an in-year table.
    ``previous``, a provider-level file as at an earlier date (a year before), gives the
    change since then, and joiners and leavers where the source has no table of them.
    """
    rule = sector_rule or pm.SectorRule()
    if source.providers is None:
        raise InputError(
            "no provider-level table as at a date (expected a header with "
            "'Latest full inspection event type')",
            file=source.path,
        )
    if source.providers_as_at is not None and source.providers_as_at != as_at:
        raise InputError(
            f"holds provider-level data as at {source.providers_as_at.isoformat()}, not "
            f"{as_at.isoformat()}",
            file=source.path,
            field="--as-at",
        )
    if in_year_source is not None and in_year_source.events is None:
        raise InputError(
            "no in-year table (expected a header with 'Inspection event type')",
            file=in_year_source.path,
        )
    events_src = in_year_source or (source if source.events is not None else None)
    if not allow_other_period:
        check_in_year_period(events_src, as_at)
    period = choose_period(events_src, as_at, period_start, period_end)
    register_ok = source.register is not None and source.register_as_at in (None, as_at)
    earlier = _previous_figures(previous, as_at, rule)
    joiners = _joiners_and_leavers(source, previous, earlier, as_at, register_ok)

    con = wh.build(
        wh.Settings(as_at, period.start, period.end, rule),
        providers=source.providers,
        register=source.register if register_ok and source.register else (),
        events=events_src.events if events_src and events_src.events else (),
        joiners_leavers=joiners.records or (),
    )
    try:
        figures = _shape(con, source, events_src, as_at, period, rule, register_ok, joiners)
    finally:
        con.close()
    figures["previous_year"] = earlier
    figures["sources"]["previous"] = previous.path.name if previous else None
    return figures


@dataclass(frozen=True)
class JoinersAndLeavers:
    """Where the release's joiners and leavers come from, or why there are none."""

    records: list[pm.JoinerLeaver] | None
    period: tuple[date, date] | None
    method: str | None  # "table" (the source's own) or "registers" (two compared)
    absent_because: str | None = None


def _previous_figures(
    previous: ProviderSource | None, as_at: date, rule: pm.SectorRule
) -> dict[str, Any] | None:
    """The figures of the earlier file at its own date, by the same rules: the release's
    change over time compares them with its own."""
    if previous is None:
        return None
    earlier = previous.providers_as_at or previous.register_as_at
    if earlier is None:
        raise InputError(
            "its title gives no date the data are as at (expected e.g. 'as at 31 March 2024')",
            file=previous.path,
            field="--previous-source",
        )
    if earlier >= as_at:
        raise InputError(
            f"holds provider-level data as at {long(earlier)}, which is not before the "
            f"release's {long(as_at)}",
            file=previous.path,
            field="--previous-source",
        )
    judged = previous.providers is not None
    if not judged:  # a register alone: providers and places, and no judgements
        previous = dataclasses.replace(previous, providers=[])
    f = build_figures(previous, earlier, None, sector_rule=rule, allow_other_period=True)
    if not judged:
        for key in ("latest_overall_effectiveness", "latest_sub_judgements"):
            f[key]["groups"] = _none_like(f[key]["groups"])
    register = f["providers_and_places"]
    if not previous.register_complete:
        # a list of inspected providers only (Ofsted's 2024 CSV): its counts are no register
        # to compare the release's with
        register = {
            "as_at": register["as_at"],
            "providers": dict.fromkeys(register["providers"]),
            "places": dict.fromkeys(register["places"]),
        }
    return {
        "as_at": earlier.isoformat(),
        "register_complete": previous.register_complete,
        "latest_overall_effectiveness": f["latest_overall_effectiveness"],
        "latest_sub_judgements": f["latest_sub_judgements"],
        "providers_and_places": register,
    }


def _none_like(block: Any) -> Any:
    """The same nesting with every count None: figures the source does not hold."""
    if isinstance(block, dict):
        return {k: _none_like(v) for k, v in block.items()}
    return None


def _joiners_and_leavers(
    source: ProviderSource,
    previous: ProviderSource | None,
    earlier: dict[str, Any] | None,
    as_at: date,
    register_ok: bool,
) -> JoinersAndLeavers:
    """Ofsted's own table of joiners and leavers where the source has one (it follows
    status changes through the year); else the difference of the register at the release's
    date and a complete register at the earlier date; else none, with why."""
    if source.joiners_leavers is not None:
        return JoinersAndLeavers(source.joiners_leavers, source.joiners_leavers_period, "table")
    if previous is None or earlier is None:
        why = "the source data hold no table of them and no earlier register was given"
    elif not (register_ok and source.register_complete and source.register):
        why = "the source data list inspected providers only, not the whole register"
    elif not (previous.register_complete and previous.register):
        why = (
            f"the earlier file, as at {long(date.fromisoformat(earlier['as_at']))}, lists "
            "inspected providers only, not the whole register"
        )
    else:
        start = date.fromisoformat(earlier["as_at"]) + timedelta(days=1)
        records = pm.joiners_and_leavers_between(previous.register, source.register)
        return JoinersAndLeavers(records, (start, as_at), "registers")
    return JoinersAndLeavers(None, None, None, why)


def _shape(
    con: duckdb.DuckDBPyConnection,
    source: ProviderSource,
    events_src: ProviderSource | None,
    as_at: date,
    period: Period,
    rule: pm.SectorRule,
    register_ok: bool,
    joiners: JoinersAndLeavers,
) -> dict[str, Any]:
    groups = pm.GROUPS
    sa_latest = source.providers_have_sa_outcome
    in_year_ok = events_src is not None
    sa_in_year = bool(events_src and events_src.events_have_sa_outcome)

    latest = _judgement_counts(
        _q(con, "SELECT grp, judgement, providers FROM latest_overall_effectiveness"),
        groups,
        True,
        sa_latest,
    )
    in_year = _judgement_counts(
        _q(con, "SELECT grp, judgement, inspections FROM in_year_overall_effectiveness"),
        groups,
        in_year_ok,
        sa_in_year,
    )
    events_by_type: dict[str, Any] = {g: ({} if in_year_ok else None) for g in groups}
    for g, event_type, n in _q(con, "SELECT grp, event_type, events FROM in_year_events_by_type"):
        events_by_type[g][event_type or "unknown"] = n
    pp = {
        g: (n, p) for g, n, p in _q(con, "SELECT grp, providers, places FROM providers_and_places")
    }

    regions_found = tuple(
        r
        for (r,) in _q(
            con,
            "SELECT DISTINCT ofsted_region FROM providers WHERE ofsted_region IS NOT NULL "
            "UNION SELECT DISTINCT ofsted_region FROM register "
            "WHERE ofsted_region IS NOT NULL ORDER BY 1",
        )
    )
    regions = REGIONS + tuple(r for r in regions_found if r not in REGIONS)
    las = tuple(
        r
        for (r,) in _q(
            con,
            "SELECT DISTINCT local_authority FROM providers WHERE local_authority IS NOT NULL "
            "UNION SELECT DISTINCT local_authority FROM register "
            "WHERE local_authority IS NOT NULL ORDER BY 1",
        )
    )

    sector_providers, sector_places = _nested_register(
        _q(con, "SELECT sector, grp, providers, places FROM by_sector_register"),
        pm.SECTORS,
        groups,
        register_ok,
    )
    region_providers, region_places = _nested_register(
        _q(con, "SELECT region, grp, providers, places FROM by_region_register"),
        regions,
        groups,
        register_ok,
    )
    la_providers, la_places = _nested_register(
        _q(con, "SELECT local_authority, grp, providers, places FROM by_la_register"),
        las,
        LA_GROUPS,
        register_ok,
    )
    (reclassified,) = con.execute("SELECT providers FROM sector_reclassified").fetchone() or (0,)

    jl = {
        g: row
        for g, *row in _q(
            con,
            "SELECT grp, joiners, leavers, joiner_places, leaver_places FROM joiners_and_leavers",
        )
    }
    jl_period = joiners.period
    joiners_ok = joiners.records is not None

    def jl_value(g: str, i: int, places: bool) -> int | None:
        if not joiners_ok:
            return None
        row = jl.get(g)
        if row is None:
            return None if places else 0
        return row[i] if row[i] is not None or places else 0

    return {
        "latest_overall_effectiveness": {"as_at": as_at.isoformat(), "groups": latest},
        "in_year_overall_effectiveness": {
            "period": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "provisional": period.provisional,
            "groups": in_year,
            "events_by_type": events_by_type,
        },
        "providers_and_places": {
            "as_at": as_at.isoformat(),
            "providers": {g: (pp.get(g, (0, None))[0] if register_ok else None) for g in groups},
            "places": {g: (pp.get(g, (0, None))[1] if register_ok else None) for g in groups},
        },
        "by_sector": {
            "as_at": as_at.isoformat(),
            "sector_rule": rule.name,
            "providers_reclassified": reclassified,
            "latest_overall_effectiveness": _nested_judgements(
                _q(con, "SELECT sector, grp, judgement, providers FROM by_sector_latest"),
                pm.SECTORS,
                groups,
                True,
                sa_latest,
            ),
            "providers": sector_providers,
            "places": sector_places,
        },
        "by_region": {
            "as_at": as_at.isoformat(),
            "latest_overall_effectiveness": _nested_judgements(
                _q(con, "SELECT region, grp, judgement, providers FROM by_region_latest"),
                regions,
                groups,
                True,
                sa_latest,
            ),
            "providers": region_providers,
            "places": region_places,
        },
        "by_ons_region": _by_ons_region(con, as_at, groups, register_ok, sa_latest),
        "by_local_authority": {
            "as_at": as_at.isoformat(),
            "groups": list(LA_GROUPS),
            "latest_overall_effectiveness": _nested_judgements(
                _q(con, "SELECT local_authority, grp, judgement, providers FROM by_la_latest"),
                las,
                LA_GROUPS,
                True,
                sa_latest,
            ),
            "providers": la_providers,
            "places": la_places,
        },
        "latest_sub_judgements": _sub_judgements(con, source, as_at),
        "register_details": _register_details(con, source, as_at, register_ok),
        "change_since_previous_inspection": _change_since_previous(con, source, as_at),
        "joiners_and_leavers": {
            "method": joiners.method,
            "absent_because": joiners.absent_because,
            "start": jl_period[0].isoformat() if jl_period and joiners_ok else None,
            "end": jl_period[1].isoformat() if jl_period and joiners_ok else None,
            "joiners": {g: jl_value(g, 0, False) for g in groups},
            "leavers": {g: jl_value(g, 1, False) for g in groups},
            "joiner_places": {g: jl_value(g, 2, True) for g in groups},
            "leaver_places": {g: jl_value(g, 3, True) for g in groups},
        },
        "published_by": _published_by(con),
        "rules": {
            "sector": rule.name,
            "sector_description": rule.describe(),
            "in_year_events": IN_YEAR_RULE,
        },
        "sources": {
            "as_at": source.path.name,
            "in_year": events_src.path.name if events_src else None,
        },
    }


def _published_by(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """The latest report publication date the data hold, for the latest inspections and
    for the period's: Ofsted's data count inspections whose reports were published by a
    date (30 April after a 31 March), so this is the cut-off the source applied."""
    ((latest,),) = _q(con, "SELECT max(latest_publication_date) FROM providers")
    ((in_year,),) = _q(con, "SELECT max(publication_date) FROM provider_events")
    return {
        "latest": latest.isoformat() if latest else None,
        "in_year": in_year.isoformat() if in_year else None,
    }


#: The SCCIF's judgements at a full inspection, the headline first.
SUB_JUDGEMENTS = ("overall", "help_and_protection", "leaders_and_managers")


def _sub_judgements(
    con: duckdb.DuckDBPyConnection, source: ProviderSource, as_at: date
) -> dict[str, Any]:
    """Each four-point group's providers by each SCCIF judgement at their latest full
    inspection; a judgement whose column the source lacks is None throughout."""
    got = {
        (g, sub, j): n
        for g, sub, j, n in _q(
            con, "SELECT grp, sub_judgement, judgement, providers FROM latest_sub_judgements"
        )
    }
    groups = tuple(g for g in pm.GROUPS if g not in pm.SA_GROUPS)
    held = {sub: source.records(sub, "latest") for sub in SUB_JUDGEMENTS}
    return {
        "as_at": as_at.isoformat(),
        "groups": {
            g: {
                sub: {j: (got.get((g, sub, j), 0) if held[sub] else None) for j in JUDGEMENTS}
                for sub in SUB_JUDGEMENTS
            }
            for g in groups
        },
    }


#: Directions of change since a provider's previous full inspection.
CHANGES = ("improved", "same", "declined")


def _change_since_previous(
    con: duckdb.DuckDBPyConnection, source: ProviderSource, as_at: date
) -> dict[str, Any]:
    """Each four-point group's providers whose latest full inspection improved on, matched
    or fell below the previous one; None throughout where the source has no previous
    inspection's judgement (the 2024 CSV has it, the 2025 ODS not)."""
    held = source.records("previous_overall", "latest")
    got = {
        (g, c): n
        for g, c, n in _q(
            con, "SELECT grp, change, providers FROM change_since_previous_inspection"
        )
    }
    groups = tuple(g for g in pm.GROUPS if g not in pm.SA_GROUPS)
    return {
        "as_at": as_at.isoformat(),
        "groups": {g: {c: (got.get((g, c), 0) if held else None) for c in CHANGES} for g in groups},
    }


def _register_details(
    con: duckdb.DuckDBPyConnection, source: ProviderSource, as_at: date, register_ok: bool
) -> dict[str, Any]:
    """Home types (short breaks only, more than one building) and supported accommodation
    premises by group, from the register; None where the source records no such column."""
    rows = {
        g: rest
        for g, *rest in _q(
            con,
            "SELECT grp, short_break_only, short_break_only_places, multi_building, "
            "multi_building_places, premises FROM register_details",
        )
    }

    def column(i: int, fld: str, groups: tuple[str, ...]) -> dict[str, int | None]:
        held = register_ok and source.records(fld)
        return {g: ((rows.get(g) or [0] * 5)[i] or 0) if held else None for g in groups}

    sa = tuple(pm.SA_GROUPS)
    return {
        "as_at": as_at.isoformat(),
        "short_break_only": {
            "providers": column(0, "short_break_only", pm.GROUPS),
            "places": column(1, "short_break_only", pm.GROUPS),
        },
        "multi_building": {
            "providers": column(2, "multi_building", pm.GROUPS),
            "places": column(3, "multi_building", pm.GROUPS),
        },
        "premises": column(4, "sa_premises", sa),
    }


def _by_ons_region(
    con: duckdb.DuckDBPyConnection,
    as_at: date,
    groups: tuple[str, ...],
    register_ok: bool,
    sa_latest: bool,
) -> dict[str, Any]:
    """The figures by ONS region (code), for the tidy files: EES lists ONS regions only."""
    codes = tuple(r.code for r in ons_regions())
    providers, places = _nested_register(
        _q(con, "SELECT region_code, grp, providers, places FROM by_ons_region_register"),
        codes,
        groups,
        register_ok,
    )
    return {
        "as_at": as_at.isoformat(),
        "latest_overall_effectiveness": _nested_judgements(
            _q(con, "SELECT region_code, grp, judgement, providers FROM by_ons_region_latest"),
            codes,
            groups,
            True,
            sa_latest,
        ),
        "providers": providers,
        "places": places,
    }


# --- tables for people -----------------------------------------------------------------------


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize().replace("hildrens", "hildren's")


def _cell(v: Any) -> str:
    return "–" if v is None else f"{v:,}" if isinstance(v, int) else str(v)


def figures_tables(figures: dict[str, Any]) -> list[Any]:
    """Rich tables of the headline figures (the JSON holds every figure)."""
    from rich.table import Table

    out: list[Any] = []
    for key, title in (
        (
            "latest_overall_effectiveness",
            f"Latest overall effectiveness as at {figures['latest_overall_effectiveness']['as_at']}",
        ),
        (
            "in_year_overall_effectiveness",
            f"Full inspections in {figures['in_year_overall_effectiveness']['period']}",
        ),
    ):
        t = Table(title=title)
        t.add_column("Group")
        for j in JUDGEMENTS:
            t.add_column(_label(j), justify="right")
        sa = Table(title=f"{title}: supported accommodation")
        sa.add_column("Group")
        for j in SUPPORTED_ACCOMMODATION_JUDGEMENTS:
            sa.add_column(_label(j), justify="right")
        for g, counts in figures[key]["groups"].items():
            if g in pm.SA_GROUPS:
                sa.add_row(
                    _label(g), *(_cell(counts[j]) for j in SUPPORTED_ACCOMMODATION_JUDGEMENTS)
                )
            else:
                t.add_row(_label(g), *(_cell(counts[j]) for j in JUDGEMENTS))
        out += [t, sa]
    pp = figures["providers_and_places"]
    t = Table(title=f"Providers and places as at {pp['as_at']}")
    t.add_column("Group")
    t.add_column("Providers", justify="right")
    t.add_column("Places", justify="right")
    for g in pm.GROUPS:
        t.add_row(_label(g), _cell(pp["providers"][g]), _cell(pp["places"][g]))
    out.append(t)
    jl = figures["joiners_and_leavers"]
    t = Table(title=f"Joiners and leavers, {jl['start'] or '–'} to {jl['end'] or '–'}")
    t.add_column("Group")
    for col in ("joiners", "leavers", "joiner_places", "leaver_places"):
        t.add_column(_label(col), justify="right")
    for g in pm.GROUPS:
        t.add_row(
            _label(g),
            *(_cell(jl[c][g]) for c in ("joiners", "leavers", "joiner_places", "leaver_places")),
        )
    out.append(t)
    rules = figures["rules"]
    t = Table(title="Rules applied")
    t.add_column("Rule")
    t.add_column("Applied")
    t.add_row("Sector", f"{rules['sector']}: {rules['sector_description']}")
    t.add_row("In-year events", rules["in_year_events"])
    out.append(t)
    return out
