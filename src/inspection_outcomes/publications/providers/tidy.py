"""The providers release as tidy CSV files with metadata (Explore Education Statistics).

Same standard and writer as the LA files (core/tidy.py): time and geography columns, then
filters (never empty: "Total" for an aggregate, or the declared `filter_default`), then
indicators (numbers, or x not available, z not applicable). National and regional levels
only: the provider data name LA areas but carry no LA codes, so LA-level figures are in the
spreadsheet. Regional rows are ONS regions (figures `by_ons_region`), with Ofsted's region as
the `ofsted_region` filter. Providers the data place in Wales are in the national totals but
have no regional row (Wales is not an English region); the data guidance says so.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.tidy import (
    GEOGRAPHY_COLUMNS,
    TOTAL,
    MetaRow,
    TidyFile,
    ofsted_region_meta,
)
from inspection_outcomes.model.ees_geography import COUNTRY, OFSTED_REGION, Region, regions
from inspection_outcomes.publications.providers import common as pc

ALL, SA = "all_providers", "supported_accommodation"
#: What "All providers" is, the same in every file: supported accommodation is judged on its
#: own scale, so the judgement files cannot count it in All providers; the count files
#: (events, providers and places, joiners and leavers) leave it out of All providers too.
GROUP_HINT = (
    "Provision type, or All children's homes and All providers. All providers is every "
    "provision type except supported accommodation (judged on its own scale), which has rows "
    "of its own"
)


def _minus_sa(block: dict[str, Any]) -> dict[str, Any]:
    """A {group: count or {key: count}} block whose All providers leaves supported
    accommodation out (a provider has one provision type, so it is a subtraction)."""
    out = dict(block)
    a, sa = out.get(ALL), out.get(SA)
    if isinstance(a, int) and isinstance(sa, int):
        out[ALL] = a - sa
    elif isinstance(a, dict) and isinstance(sa, dict):
        out[ALL] = {k: v - sa.get(k, 0) if isinstance(v, int) else v for k, v in a.items()}
    return out


def _geo(
    level: str, time_period: str, time_identifier: str, region: Region | None = None
) -> dict[str, Any]:
    """Time and geography columns, and the `ofsted_region` filter (Total at national level)."""
    row: dict[str, Any] = dict.fromkeys(GEOGRAPHY_COLUMNS, "")
    row.update(
        time_period=time_period,
        time_identifier=time_identifier,
        geographic_level=level,
        country_code=COUNTRY[0],
        country_name=COUNTRY[1],
    )
    row[OFSTED_REGION] = TOTAL
    if region is not None:
        row.update(region_code=region.code, region_name=region.name)
        row[OFSTED_REGION] = region.ofsted_region
    return row


def _time(start: str | None, end: str | None, as_at: str) -> tuple[str, str]:
    """(time_period, time_identifier): a financial year when the period is 1 April to
    31 March, else the reporting year of its end (or of the as-at date)."""
    if start and end:
        s, e = date.fromisoformat(start), date.fromisoformat(end)
        if (s.month, s.day, e.month, e.day) == (4, 1, 3, 31) and e.year == s.year + 1:
            return f"{s.year}{str(e.year)[2:]}", "Financial year"
        return str(e.year), "Reporting year"
    return str(date.fromisoformat(as_at).year), "Reporting year"


def _x(value: Any, blank: str = "x") -> Any:
    return blank if value is None else value


def _judgement_rows(
    geo: dict[str, Any], group: str, counts: dict[str, Any] | None, extra: dict[str, Any], unit: str
) -> list[dict[str, Any]]:
    scale = pc.scale_of(group)
    counts = counts or {}
    n = pc.total({j: counts.get(j) for j in scale})
    out = []
    for j in (*scale, TOTAL):
        count = n if j == TOTAL else counts.get(j)
        out.append(
            {
                **geo,
                **extra,
                "provider_group": pc.group_label(group),
                "judgement": pc.GRADE_LABELS.get(j, TOTAL),
                f"number_of_{unit}": _x(count),
                f"percent_of_{unit}": _x(pc.share(count, n), "x" if n is None else "z"),
            }
        )
    return out


def _count_and_percent(unit: str) -> list[MetaRow]:
    """The two indicators of a judgement file: how many, and what percentage of the total."""
    return [
        MetaRow(f"number_of_{unit}", "Indicator", f"Number of {unit}", indicator_dp="0"),
        MetaRow(
            f"percent_of_{unit}",
            "Indicator",
            f"Percentage of {unit}",
            indicator_unit="%",
            indicator_dp="0",
        ),
    ]


def _regions(f: dict[str, Any]) -> list[Region]:
    """The ONS regions of the regional rows (figures by_ons_region)."""
    return list(regions()) if "by_ons_region" in f else []


def latest_outcomes(f: dict[str, Any]) -> TidyFile:
    as_at = f["latest_overall_effectiveness"]["as_at"]
    period, ident = _time(None, None, as_at)
    groups = pc.groups(f["latest_overall_effectiveness"]["groups"])
    by_sector = f["by_sector"]["latest_overall_effectiveness"]
    by_region = f.get("by_ons_region", {}).get("latest_overall_effectiveness", {})
    rows: list[dict[str, Any]] = []
    national = _geo("National", period, ident)
    for g in groups:
        rows += _judgement_rows(
            national,
            g,
            f["latest_overall_effectiveness"]["groups"][g],
            {"sector": TOTAL},
            "providers",
        )
        for s in pc.sectors(by_sector):
            rows += _judgement_rows(
                national, g, by_sector[s][g], {"sector": pc.sector_label(s)}, "providers"
            )
    for r in _regions(f):
        for g in groups:
            rows += _judgement_rows(
                _geo("Regional", period, ident, r),
                g,
                by_region[r.code][g],
                {"sector": TOTAL},
                "providers",
            )
    meta = [
        ofsted_region_meta(),
        MetaRow(
            "sector",
            "Filter",
            "Sector",
            filter_hint="Sector of the provider; Total is every sector",
        ),
        MetaRow(
            "provider_group",
            "Filter",
            "Provider group",
            filter_hint=GROUP_HINT,
            filter_default=pc.group_label("all_providers"),
        ),
        MetaRow(
            "judgement",
            "Filter",
            "Overall effectiveness",
            filter_hint="Judgement at the latest full inspection (supported accommodation "
            "has its own scale); Total is the providers with a judgement",
        ),
        *_count_and_percent("providers"),
    ]
    return TidyFile(
        "providers_latest_outcomes",
        f"Overall effectiveness of providers at their latest full inspection as at {as_at}",
        meta,
        rows,
    )


def latest_sub_judgements(f: dict[str, Any]) -> TidyFile:
    """The SCCIF's three judgements at the latest full inspection, by four-point group."""
    from inspection_outcomes.publications.providers.findings.sub_judgements import (
        SUB_JUDGEMENT_LABELS,
    )

    block = f["latest_sub_judgements"]
    period, ident = _time(None, None, block["as_at"])
    national = _geo("National", period, ident)
    rows: list[dict[str, Any]] = []
    for g in pc.groups(block["groups"]):
        for sub, label in SUB_JUDGEMENT_LABELS.items():
            rows += _judgement_rows(
                national, g, block["groups"][g][sub], {"judgement_area": label}, "providers"
            )
    meta = [
        MetaRow(
            "provider_group",
            "Filter",
            "Provider group",
            filter_hint="Provision type, or All children's homes and All providers (every "
            "provision type judged on the four-point scale: supported accommodation has no "
            "such judgements)",
            filter_default=pc.group_label("all_providers"),
        ),
        MetaRow(
            "judgement_area",
            "Filter",
            "Judgement",
            filter_hint="One of the three judgements of a full inspection under the social "
            "care common inspection framework (SCCIF); the first is the headline",
            filter_default=SUB_JUDGEMENT_LABELS["overall"],
        ),
        MetaRow(
            "judgement",
            "Filter",
            "Grade",
            filter_hint="Grade at the latest full inspection; Total is the providers with a "
            "judgement",
        ),
        *_count_and_percent("providers"),
    ]
    return TidyFile(
        "providers_latest_sub_judgements",
        f"Providers by each judgement at their latest full inspection as at {block['as_at']}",
        meta,
        rows,
    )


def in_year_outcomes(f: dict[str, Any]) -> TidyFile:
    iy = f["in_year_overall_effectiveness"]
    period, ident = _time(iy["start"], iy["end"], f["latest_overall_effectiveness"]["as_at"])
    national = _geo("National", period, ident)
    rows: list[dict[str, Any]] = []
    for g in pc.groups(iy["groups"]):
        rows += _judgement_rows(national, g, iy["groups"][g], {}, "inspections")
    meta = [
        MetaRow(
            "provider_group",
            "Filter",
            "Provider group",
            filter_hint=GROUP_HINT,
            filter_default=pc.group_label("all_providers"),
        ),
        MetaRow(
            "judgement",
            "Filter",
            "Overall effectiveness",
            filter_hint="Judgement given at the inspection; Total is the inspections with "
            "a judgement",
        ),
        *_count_and_percent("inspections"),
    ]
    return TidyFile(
        "providers_in_year_outcomes",
        f"Overall effectiveness at full inspections between {iy['start']} and {iy['end']}",
        meta,
        rows,
    )


def events_in_year(f: dict[str, Any]) -> TidyFile:
    iy = f["in_year_overall_effectiveness"]
    period, ident = _time(iy["start"], iy["end"], f["latest_overall_effectiveness"]["as_at"])
    national = _geo("National", period, ident)
    by_type = _minus_sa(iy["events_by_type"])
    types = sorted({t for v in by_type.values() for t in (v or {})})
    rows = []
    for g in pc.groups(by_type):
        counts = by_type[g]
        held = counts is not None
        for t in (*types, TOTAL):
            value = (sum(counts.values()) if t == TOTAL else counts.get(t, 0)) if held else None
            rows.append(
                {
                    **national,
                    "provider_group": pc.group_label(g),
                    "event_type": TOTAL if t == TOTAL else t.replace("_", " ").capitalize(),
                    "number_of_events": _x(value),
                }
            )
    meta = [
        MetaRow(
            "provider_group",
            "Filter",
            "Provider group",
            filter_hint=GROUP_HINT,
            filter_default=pc.group_label("all_providers"),
        ),
        MetaRow(
            "event_type",
            "Filter",
            "Inspection or visit type",
            filter_hint="Total is every inspection and visit",
        ),
        MetaRow(
            "number_of_events", "Indicator", "Number of inspections and visits", indicator_dp="0"
        ),
    ]
    return TidyFile(
        "providers_events_in_year",
        f"Inspections and visits of providers by type between {iy['start']} and {iy['end']}",
        meta,
        rows,
    )


def providers_and_places(f: dict[str, Any]) -> TidyFile:
    pp = f["providers_and_places"]
    pp = {**pp, "providers": _minus_sa(pp["providers"]), "places": _minus_sa(pp["places"])}
    by_sector = {
        k: {s: _minus_sa(v) for s, v in f["by_sector"][k].items()} for k in ("providers", "places")
    }
    by_region = {
        k: {r: _minus_sa(v) for r, v in f.get("by_ons_region", {}).get(k, {}).items()}
        for k in ("providers", "places")
    }
    period, ident = _time(None, None, pp["as_at"])
    groups = pc.groups(pp["providers"])

    def row(geo: dict[str, Any], sector: str, g: str, n: Any, places: Any) -> dict[str, Any]:
        return {
            **geo,
            "sector": sector,
            "provider_group": pc.group_label(g),
            "number_of_providers": _x(n),
            "number_of_places": _x(places, "x" if n is None else "z"),
        }

    national = _geo("National", period, ident)
    rows = []
    for g in groups:
        rows.append(row(national, TOTAL, g, pp["providers"][g], pp["places"][g]))
        for s in pc.sectors(f["by_sector"]["providers"]):
            rows.append(
                row(
                    national,
                    pc.sector_label(s),
                    g,
                    by_sector["providers"][s][g],
                    by_sector["places"][s][g],
                )
            )
    for r in _regions(f):
        geo = _geo("Regional", period, ident, r)
        rows += [
            row(
                geo,
                TOTAL,
                g,
                by_region["providers"][r.code][g],
                by_region["places"][r.code][g],
            )
            for g in groups
        ]
    meta = [
        ofsted_region_meta(),
        MetaRow("sector", "Filter", "Sector", filter_hint="Total is every sector"),
        MetaRow(
            "provider_group",
            "Filter",
            "Provider group",
            filter_hint=GROUP_HINT,
            filter_default=pc.group_label("all_providers"),
        ),
        MetaRow("number_of_providers", "Indicator", "Number of providers", indicator_dp="0"),
        MetaRow("number_of_places", "Indicator", "Number of registered places", indicator_dp="0"),
    ]
    return TidyFile(
        "providers_and_places", f"Providers and registered places as at {pp['as_at']}", meta, rows
    )


def joiners_and_leavers(f: dict[str, Any]) -> TidyFile:
    jl: dict[str, Any] = {
        k: _minus_sa(v) if isinstance(v, dict) else v for k, v in f["joiners_and_leavers"].items()
    }
    iy = f["in_year_overall_effectiveness"]
    period, ident = _time(
        jl["start"] or iy["start"],
        jl["end"] or iy["end"],
        f["latest_overall_effectiveness"]["as_at"],
    )
    national = _geo("National", period, ident)
    rows = []
    for g in pc.groups(jl["joiners"]):
        rows.append(
            {
                **national,
                "provider_group": pc.group_label(g),
                "number_of_joiners": _x(jl["joiners"][g]),
                "number_of_leavers": _x(jl["leavers"][g]),
                "joiner_places": _x(
                    jl["joiner_places"][g], "x" if jl["joiners"][g] is None else "z"
                ),
                "leaver_places": _x(
                    jl["leaver_places"][g], "x" if jl["leavers"][g] is None else "z"
                ),
            }
        )
    meta = [
        MetaRow(
            "provider_group",
            "Filter",
            "Provider group",
            filter_hint=GROUP_HINT,
            filter_default=pc.group_label("all_providers"),
        ),
        MetaRow(
            "number_of_joiners", "Indicator", "Providers that joined the register", indicator_dp="0"
        ),
        MetaRow(
            "number_of_leavers", "Indicator", "Providers that left the register", indicator_dp="0"
        ),
        MetaRow("joiner_places", "Indicator", "Registered places of joiners", indicator_dp="0"),
        MetaRow("leaver_places", "Indicator", "Registered places of leavers", indicator_dp="0"),
    ]
    when = f"between {jl['start']} and {jl['end']}" if jl["start"] else "in the period"
    return TidyFile(
        "providers_joiners_and_leavers",
        f"Providers that joined and left the register {when}",
        meta,
        rows,
    )


def _all_x(t: TidyFile) -> bool:
    indicators = [m.col_name for m in t.meta if m.col_type == "Indicator"]
    return all(r[c] in ("x", "z") for r in t.rows for c in indicators)


def _every_file(f: dict[str, Any]) -> list[TidyFile]:
    return [
        latest_outcomes(f),
        latest_sub_judgements(f),
        in_year_outcomes(f),
        events_in_year(f),
        providers_and_places(f),
        joiners_and_leavers(f),
    ]


#: Why a file is not written: the source table it needs.
NOT_WRITTEN = {
    "providers_in_year_outcomes": "no in-year table (one row per inspection in the year) was given",
    "providers_events_in_year": "no in-year table (one row per inspection in the year) was given",
    "providers_and_places": "the source holds no register: no providers and places table and "
    "no Places column in its provider-level table",
    "providers_joiners_and_leavers": "the source holds no joiners and leavers table (providers "
    "that joined or left the register in the year)",
    "providers_latest_sub_judgements": "the source's provider-level table has no column for "
    "the judgements other than the overall one",
}


def providers_tidy_files(content: ReleaseContent) -> list[TidyFile]:
    """The files the source holds figures for: a file of x only (a table the source does not
    hold) is not written; the data guidance says why (`providers_not_written`)."""
    return [t for t in _every_file(content.figures) if not _all_x(t)]


def providers_not_written(content: ReleaseContent) -> list[tuple[str, str]]:
    """(file name, why) of the files not written."""
    why = dict(NOT_WRITTEN)
    absent = content.figures["joiners_and_leavers"].get("absent_because") or ""
    if "inspected providers only" in absent:  # an earlier file was given, but no register
        why["providers_joiners_and_leavers"] += f", and {absent}"
    return [
        (t.name, why.get(t.name, "the source holds none of its figures"))
        for t in _every_file(content.figures)
        if _all_x(t)
    ]


def providers_data_guidance(files: list[TidyFile], content: ReleaseContent) -> str:
    f = content.figures
    lines = [f"# Data guidance: {content.meta.title}", ""]
    if content.meta.simulated:
        lines += ["**These data are simulated and are not official statistics.**", ""]
    lines += [
        "Tidy data files in the Explore Education Statistics data standard, each with a "
        "`.meta.csv` file describing its filters and indicators.",
        "",
        "## Files",
        "",
        *(f"- `{t.name}.csv`: {t.description}." for t in files),
        *(f"- `{name}.csv` is not written: {why}." for name, why in providers_not_written(content)),
        "",
        "## Conventions",
        "",
        '- Time: data as at a date use `time_identifier` "Reporting year" and the year of '
        'the date. Data for the year 1 April to 31 March use "Financial year" with the '
        "six-digit `time_period` (202425 for 1 April 2024 to 31 March 2025).",
        "- Geography: National and Regional levels. Regional rows are the 9 ONS regions with "
        'their ONS codes and EES names (for example E12000003 "Yorkshire and The Humber"): a '
        "provider's region is the ONS region of its local authority area, or the one ONS "
        "region of its Ofsted region where the area is not named. Ofsted reports by its own 8 "
        'regions (it joins North East and Yorkshire and The Humber as "North East, Yorkshire '
        'and the Humber"), which EES does not list: the filter `ofsted_region` gives the '
        "Ofsted region of each regional row (Total at national level), and Ofsted's regional "
        "figures are the sums of the ONS regions with that filter item; the pages and "
        "spreadsheets give Ofsted's regions. Providers the data place in Wales count in the "
        "national totals but have no regional row. LA areas are in the spreadsheet: the "
        "provider data carry no LA codes.",
        "- Filters: every filter has a Total or a declared default (`filter_default` in the "
        "metadata): `provider_group` defaults to All providers.",
        "- Indicators: counts are whole numbers (`indicator_unit` blank, `indicator_dp` 0); "
        "percentages have `indicator_unit` % and `indicator_dp` 0.",
        f"- Sector: {f['rules']['sector_description']}.",
        f"- In-year outcomes count {f['rules']['in_year_events']}.",
        "- Supported accommodation is judged on its own scale (consistently strong, "
        "inconsistent quality, serious or widespread weaknesses). So that All providers means "
        "the same in every file, it is every provision type except supported accommodation, "
        "which has rows of its own: add them for every provider.",
        "- Symbols: `x` not available (a figure the source data do not hold), `z` not "
        "applicable (for example places of a provision type without places, or a percentage "
        "of no providers).",
        "- Percentages are rounded to whole numbers, half away from zero, from the counts.",
        "- No provider is named: the files hold counts only.",
    ]
    return "\n".join(lines) + "\n"
