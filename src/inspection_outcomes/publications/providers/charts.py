"""The providers release's charts: the LA charts' style and stacked bars (charts.py), with
alt text carrying the key numbers and a data table behind each chart.

Figures: latest overall effectiveness by provider group; children's homes by sector; children's
homes by region; in-year outcomes of full inspections by group; providers by sector. A figure
the source cannot support is left out and `providers_chart_notes` says why.
"""

from __future__ import annotations

import textwrap
from typing import Any

from inspection_outcomes.core.charts import (
    SIMULATED,
    finish_svg,
    grouped_bars,
    stacked_bars,
    style_params,
)
from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.types import Chart, DataTable
from inspection_outcomes.model.scale import JUDGEMENTS, SHORT_LABELS
from inspection_outcomes.publications.providers import common as pc

Row = tuple[str, dict[str, float], dict[str, int]]
WRAP = 34  # characters per line of a bar's label
NOTE = (
    "Numbers in brackets are the number of {unit} with a judgement. Due to rounding, "
    "percentages might not add up to 100, and the share good or outstanding in the text "
    "(from counts) can differ by 1 from the sum of its two segments."
)


def _row(label: str, counts: dict[str, Any] | None) -> tuple[Row, int] | None:
    """A bar (label with n, exact shares, whole percents) and n; None without judgements."""
    n = pc.total({j: (counts or {}).get(j) for j in JUDGEMENTS})
    if not n or counts is None:
        return None
    shares = {j: 100 * counts[j] / n for j in JUDGEMENTS}
    pcts = {j: pc.share(counts[j], n) or 0 for j in JUDGEMENTS}
    # long group names wrap onto a second line so the axis never clips them
    return (textwrap.fill(f"{label} ({n:,})", WRAP), shares, pcts), n


def _describe(label: str, pcts: dict[str, int], n: int, unit: str) -> str:
    parts = ", ".join(f"{pcts[j]}% {SHORT_LABELS[j].lower()}" for j in JUDGEMENTS)
    return f"{label} ({n:,} {unit}): {parts}"


def _judgement_chart(
    content: ReleaseContent,
    chart_id: str,
    title: str,
    first_column: str,
    items: list[tuple[str, dict[str, Any] | None]],
    lead: str,
    unit: str,
) -> Chart | None:
    rows: list[Row] = []
    descs = []
    data: list[list[Any]] = []
    for label, counts in items:
        got = _row(label, counts)
        if got is not None:
            (bar, n) = got
            rows.append(bar)
            descs.append(_describe(label, bar[2], n, unit))
            data.append([label, n, *[bar[2][j] for j in JUDGEMENTS]])
    if len(rows) < 2:
        return None
    simulated = content.meta.simulated
    note = NOTE.format(unit=unit)
    fig = stacked_bars(rows, caption=f"{SIMULATED}. {note}" if simulated else note, bold_last=True)
    shown = f"{title} ({SIMULATED.lower()})" if simulated else title
    alt = f"Stacked bar chart of {lead}: {'; '.join(descs)}."
    alt = f"{SIMULATED}. {alt}" if simulated else alt
    table = DataTable(
        id=f"{chart_id}_data",
        caption=f"Data for {shown}",
        columns=[
            first_column,
            f"Number of {unit} with a judgement",
            *[f"% {pc.GRADE_LABELS[j]}" for j in JUDGEMENTS],
        ],
        rows=data,
        notes=[note]
        + ([f"{SIMULATED}: these are not real inspection outcomes."] if simulated else []),
    )
    return Chart(
        id=chart_id,
        title=shown,
        alt_text=alt,
        svg=finish_svg(fig, chart_id, shown, alt),
        table=table,
        note=note,
    )


def _by_group(content: ReleaseContent) -> Chart | None:
    f = content.figures
    groups = f["latest_overall_effectiveness"]["groups"]
    order = [g for g in pc.FOUR_POINT_GROUPS if g != "all_providers"] + ["all_providers"]
    return _judgement_chart(
        content,
        "figure_1",
        "Overall effectiveness of providers at their latest full inspection, by provider group",
        "Provider group",
        [(pc.group_label(g), groups[g]) for g in order],
        "the overall effectiveness of providers at their latest full inspection as at "
        f"{pc.long_date(f['latest_overall_effectiveness']['as_at'])}, by provider group",
        "providers",
    )


def _homes_by_sector(content: ReleaseContent) -> Chart | None:
    f = content.figures
    by_sector = f["by_sector"]["latest_overall_effectiveness"]
    items = [
        (pc.sector_label(s), by_sector[s]["all_childrens_homes"]) for s in pc.sectors(by_sector)
    ]
    items.append(
        ("All children's homes", f["latest_overall_effectiveness"]["groups"]["all_childrens_homes"])
    )
    return _judgement_chart(
        content,
        "figure_2",
        "Overall effectiveness of children's homes at their latest full inspection, by sector",
        "Sector",
        items,
        "the overall effectiveness of all children's homes at their latest full inspection as "
        f"at {pc.long_date(f['latest_overall_effectiveness']['as_at'])}, by sector",
        "homes",
    )


def _homes_by_region(content: ReleaseContent) -> Chart | None:
    f = content.figures
    by_region = f["by_region"]["latest_overall_effectiveness"]
    items = [(r, by_region[r]["all_childrens_homes"]) for r in pc.regions(by_region)]
    items.append(("England", f["latest_overall_effectiveness"]["groups"]["all_childrens_homes"]))
    return _judgement_chart(
        content,
        "figure_3",
        "Overall effectiveness of children's homes at their latest full inspection, by region",
        "Region",
        items,
        "the overall effectiveness of all children's homes at their latest full inspection as "
        f"at {pc.long_date(f['latest_overall_effectiveness']['as_at'])}, by Ofsted region",
        "homes",
    )


def _in_year_by_group(content: ReleaseContent) -> Chart | None:
    f = content.figures
    iy = f["in_year_overall_effectiveness"]
    order = [g for g in pc.FOUR_POINT_GROUPS if g != "all_providers"] + ["all_providers"]
    return _judgement_chart(
        content,
        "figure_4",
        "Overall effectiveness at full inspections in the year, by provider group",
        "Provider group",
        [(pc.group_label(g), iy["groups"][g]) for g in order],
        f"the overall effectiveness given at full inspections between "
        f"{pc.long_date(iy['start'])} and {pc.long_date(iy['end'])}, by provider group",
        "inspections",
    )


def _providers_by_sector(content: ReleaseContent) -> Chart | None:

    f = content.figures
    providers = f["by_sector"]["providers"]
    if any(v.get("all_providers") is None for v in providers.values()) or not providers:
        return None
    sectors = pc.sectors(providers)
    series = [
        ("All providers", "all_providers", "#12436D"),
        ("All children's homes", "all_childrens_homes", "#28A197"),
    ]
    simulated = content.meta.simulated
    note = "Providers on the register as at the date, by the sector used in the analysis."
    fig = grouped_bars(
        [pc.sector_label(s) for s in sectors],
        [(label, [providers[s][key] for s in sectors], colour) for label, key, colour in series],
        caption=f"{SIMULATED}. {note}" if simulated else note,
        value_text=lambda v: f"{v:,}",
        axis_text=lambda x: f"{x:,.0f}",
    )
    as_at = pc.long_date(f["providers_and_places"]["as_at"])
    title = "Providers and children's homes by sector"
    shown = f"{title} ({SIMULATED.lower()})" if simulated else title
    alt = (
        f"Bar chart of the number of providers on the register as at {as_at} by sector: "
        + "; ".join(
            f"{pc.sector_label(s)} {providers[s]['all_providers']:,} providers, of "
            f"which {providers[s]['all_childrens_homes']:,} children's homes"
            for s in sectors
        )
        + "."
    )
    return _bar_chart(
        "figure_5",
        fig,
        shown,
        f"{SIMULATED}. {alt}" if simulated else alt,
        ["Sector", "All providers", "All children's homes"],
        [
            [pc.sector_label(s), providers[s]["all_providers"], providers[s]["all_childrens_homes"]]
            for s in sectors
        ],
        note,
    )


def _bar_chart(
    chart_id: str,
    fig: Any,
    title: str,
    alt: str,
    columns: list[str],
    rows: list[list[Any]],
    note: str,
) -> Chart:
    """A bar chart with the data table that holds its numbers."""
    table = DataTable(
        id=f"{chart_id}_data", caption=f"Data for {title}", columns=columns, rows=rows, notes=[note]
    )
    return Chart(
        id=chart_id,
        title=title,
        alt_text=alt,
        svg=finish_svg(fig, chart_id, title, alt),
        table=table,
        note=note,
    )


def _joiners_and_leavers(content: ReleaseContent) -> Chart | None:
    """Providers that joined and left the register in the period, by provider group (each
    group with any; the aggregates first)."""
    f = content.figures
    jl = f["joiners_and_leavers"]
    if jl["joiners"]["all_providers"] is None or not (jl["start"] and jl["end"]):
        return None
    groups = [
        g for g in pc.groups(jl["joiners"]) if (jl["joiners"][g] or 0) + (jl["leavers"][g] or 0)
    ]
    simulated = content.meta.simulated
    between = f"between {pc.long_date(jl['start'])} and {pc.long_date(jl['end'])}"
    note = (
        f"Providers that joined (registered) or left (resigned, closed or were cancelled) "
        f"{between}. Comparing the two does not give the change in places."
    )
    fig = grouped_bars(
        [pc.group_label(g) for g in groups],
        [
            ("Joiners", [jl["joiners"][g] for g in groups], "#12436D"),
            ("Leavers", [jl["leavers"][g] for g in groups], "#F46A25"),
        ],
        caption=f"{SIMULATED}. {note}" if simulated else note,
        value_text=lambda v: f"{v:,}",
        axis_text=lambda x: f"{x:,.0f}",
    )
    title = "Providers joining and leaving the register, by provider group"
    shown = f"{title} ({SIMULATED.lower()})" if simulated else title
    alt = (
        f"Bar chart of the providers that joined and left the register {between}: "
        + "; ".join(
            f"{pc.group_label(g)} {jl['joiners'][g]:,} joined and {jl['leavers'][g]:,} left"
            for g in groups
        )
        + "."
    )
    keys = ("joiners", "leavers", "joiner_places", "leaver_places")
    return _bar_chart(
        "figure_6",
        fig,
        shown,
        f"{SIMULATED}. {alt}" if simulated else alt,
        ["Provider group", "Joiners", "Leavers", "Joiner places", "Leaver places"],
        [[pc.group_label(g), *(jl[k][g] for k in keys)] for g in groups],
        note,
    )


def build_providers_charts(content: ReleaseContent) -> list[Chart]:
    """Figures 1-6 and the map, each only where the figures (and boundaries) support it."""
    import matplotlib

    charts = []
    with matplotlib.rc_context(style_params()):  # type: ignore[arg-type]
        for make in (
            _by_group,
            _homes_by_sector,
            _homes_by_region,
            _in_year_by_group,
            _providers_by_sector,
            _joiners_and_leavers,
        ):
            chart = make(content)
            if chart is not None:
                charts.append(chart)
    from inspection_outcomes.publications.providers.map import build_providers_map

    homes_map = build_providers_map(content.figures)
    return charts + ([homes_map] if homes_map is not None else [])


def providers_chart_notes(content: ReleaseContent) -> dict[str, str]:
    """Figure id -> why that figure is not drawn."""
    f = content.figures
    notes = {}
    if f["in_year_overall_effectiveness"]["groups"]["all_providers"]["good"] is None:
        notes["figure_4"] = (
            "In-year outcomes by provider group are not shown: the source "
            "data of this release hold no in-year inspections."
        )
    from inspection_outcomes.core.la_areas import boundaries_file
    from inspection_outcomes.publications.providers.map import MAP_ID

    if (
        f["providers_and_places"]["providers"]["all_providers"] is not None
        and not boundaries_file()
    ):
        notes[MAP_ID] = (
            "The map of children's homes by area is not drawn: no local authority boundaries "
            "were at hand when the release was built."
        )
    if f["providers_and_places"]["providers"]["all_providers"] is None:
        notes["figure_5"] = (
            "Providers by sector are not shown: the source data of this "
            "release hold no register of providers as at this date."
        )
    return notes
