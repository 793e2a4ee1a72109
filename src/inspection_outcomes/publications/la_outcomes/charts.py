"""The release's figures as accessible SVG charts (Analysis Function style) with data tables.

Figures 1-4 of the LA release: overall effectiveness over three years, by region, by
judgement area, and focused visit themes. Each chart carries alt text with its key numbers
and the annex data table. SVGs keep text as text (searchable, readable by screen readers) and
are byte-identical for the same figures: fixed hash salt, no date, no random ids.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from inspection_outcomes.core.charts import (
    SIMULATED,
    finish_svg,
    grouped_bars,
    n_and_percents,
    stacked_bars,
    style_params,
)
from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.types import Chart, DataTable
from inspection_outcomes.model.reference import read_table
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS, SHORT_LABELS

SUB_JUDGEMENT_LABELS = {
    "impact_of_leaders": "Impact of leaders",
    "help_and_protection": "Help and protection",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
}


def long_date(iso: str) -> str:
    """'2024-03-31' -> '31 March 2024' (GOV.UK style)."""
    d = date.fromisoformat(iso)
    return f"{d.day} {d:%B} {d.year}"


def _judgement_chart(
    chart_id: str,
    title: str,
    first_column: str,
    rows: list[tuple[str, dict[str, float], dict[str, int]]],
    alt_text: str,
    note: str,
    content: ReleaseContent,
    bold_last: bool = False,
) -> Chart:
    simulated = content.meta.simulated
    caption = f"{SIMULATED}. " + note if simulated else note
    fig = stacked_bars(rows, caption=caption, bold_last=bold_last)
    shown_title = f"{title} ({SIMULATED.lower()})" if simulated else title
    alt = f"{SIMULATED}. {alt_text}" if simulated else alt_text
    svg = finish_svg(fig, chart_id, shown_title, alt)
    table = DataTable(
        id=f"{chart_id}_data",
        caption=f"Data for {shown_title}",
        columns=[first_column, *[f"% {LABELS[j]}" for j in JUDGEMENTS]],
        rows=[[label, *[labels[j] for j in JUDGEMENTS]] for label, _, labels in rows],
        notes=[note]
        + ([f"{SIMULATED}: these are not real inspection outcomes."] if simulated else []),
    )
    return Chart(id=chart_id, title=shown_title, alt_text=alt, svg=svg, table=table, note=note)


def _describe(label: str, labels: dict[str, int], n: int) -> str:
    parts = ", ".join(f"{labels[j]}% {SHORT_LABELS[j].lower()}" for j in JUDGEMENTS)
    return f"{label} ({n} LAs): {parts}"


def _figure_1(content: ReleaseContent) -> Chart | None:
    f = content.figures
    rows = []
    descs = []
    blocks = [(f["as_at"], f.get("overall_effectiveness"))]
    earlier = f.get("earlier_as_at") or {}
    blocks += [(d, earlier[d]) for d in sorted(earlier, reverse=True)]
    for day, block in blocks:
        n, shares, labels = n_and_percents(block)
        if n:
            rows.append((f"As at {long_date(day)} ({n})", shares, labels))
            descs.append(_describe(f"as at {long_date(day)}", labels, n))
    if not rows:
        return None
    gos = (f.get("overall_effectiveness") or {}).get("good_or_outstanding_percent")
    alt = (
        "Stacked bar chart of the overall effectiveness of local authorities at their most "
        f"recent inspection: {'; '.join(descs)}."
        + (
            f" {gos}% were good or outstanding as at {long_date(f['as_at'])}."
            if gos is not None
            else ""
        )
    )
    note = (
        "Numbers in brackets are the number of LAs with an overall effectiveness judgement. "
        "Due to rounding, percentages might not add up to 100."
    )
    return _judgement_chart(
        "figure_1",
        "LA overall effectiveness at their most recent inspection",
        "Period",
        rows,
        alt,
        note,
        content,
    )


def _regions() -> list[str]:
    return [r["region"] for r in sorted(read_table("regions.csv"), key=lambda r: int(r["order"]))]


def _figure_2(content: ReleaseContent) -> Chart | None:
    f = content.figures
    by_region = f.get("by_region") or {}
    rows = []
    descs = []
    for region in [*_regions(), "England"]:
        block = f.get("overall_effectiveness") if region == "England" else by_region.get(region)
        n, shares, labels = n_and_percents(block)
        if n:
            rows.append((f"{region} ({n})", shares, labels))
            descs.append(_describe(region, labels, n))
    if len(rows) <= 1:
        return None
    gos = {r: (by_region.get(r) or {}).get("good_or_outstanding_percent") for r in by_region}
    known = {r: v for r, v in gos.items() if v is not None}
    extra = ""
    if known:
        hi = max(known, key=lambda r: (known[r], r))
        lo = min(known, key=lambda r: (known[r], r))
        extra = (
            f" The share judged good or outstanding was highest in {hi} ({known[hi]}%) "
            f"and lowest in {lo} ({known[lo]}%)."
        )
    alt = (
        "Stacked bar chart of local authority overall effectiveness at the most recent "
        f"inspection as at {long_date(f['as_at'])}, by Ofsted region: {'; '.join(descs)}." + extra
    )
    note = (
        "Numbers in brackets are the number of LAs with a graded judgement. "
        "Due to rounding, percentages might not add up to 100."
    )
    return _judgement_chart(
        "figure_2",
        "LA overall effectiveness at their most recent inspection, by region",
        "Region",
        rows,
        alt,
        note,
        content,
        bold_last=True,
    )


def _figure_3(content: ReleaseContent) -> Chart | None:
    f = content.figures
    subs = f.get("sub_judgements") or {}
    rows = []
    descs = []
    areas = [("Overall effectiveness", f.get("overall_effectiveness"))]
    areas += [(label, subs.get(key)) for key, label in SUB_JUDGEMENT_LABELS.items()]
    for label, block in areas:
        n, shares, labels = n_and_percents(block)
        if n:
            rows.append((f"{label} ({n})", shares, labels))
            descs.append(_describe(label, labels, n))
    if len(rows) <= 1:
        return None
    alt = (
        "Stacked bar chart of the judgements at each local authority's most recent "
        f"inspection as at {long_date(f['as_at'])}, by judgement area: {'; '.join(descs)}."
    )
    note = (
        "Numbers in brackets are the number of LAs with a graded judgement in that area. "
        "Due to rounding, percentages might not add up to 100."
    )
    return _judgement_chart(
        "figure_3",
        "Inspection sub-judgements at the LA's most recent inspection",
        "Judgement area",
        rows,
        alt,
        note,
        content,
    )


def _previous_focused_visits(f: dict[str, Any]) -> dict[str, Any] | None:
    """The previous year's focused visit block, where the engine provides one."""
    fv = (f.get("in_year") or {}).get("focused_visits") or {}
    for key in ("previous_year", "previous"):
        if isinstance(fv.get(key), dict):
            return fv[key]
    prev = (f.get("previous_in_year") or {}).get("focused_visits")
    return prev if isinstance(prev, dict) else None


def _period_label(start: str | None, end: str | None) -> str:
    if not start or not end:
        return "previous year"
    return f"{long_date(start)} to {long_date(end)}"


def focused_visits_note(content: ReleaseContent) -> str | None:
    """Why figure 4 is not drawn, or None when it is."""
    fv = (content.figures.get("in_year") or {}).get("focused_visits") or {}
    themes = fv.get("themes_percent")
    if themes and any(v is not None for v in themes.values()):
        return None
    coverage = content.figures.get("coverage") or []
    if "focused_visit" not in coverage:
        held = ", ".join(c.replace("_", " ") for c in coverage) or "no event types"
        return (
            "Focused visits by theme are not shown: the source data hold no focused visits "
            f"(they hold {held})."
        )
    return "Focused visits by theme are not shown: the source data give no themes for them."


def _figure_4(content: ReleaseContent) -> Chart | None:

    f = content.figures
    fv = (f.get("in_year") or {}).get("focused_visits") or {}
    themes: dict[str, Any] = fv.get("themes_percent") or {}
    if focused_visits_note(content) is not None:
        return None
    theme_labels = {r["theme"]: r["label"] for r in read_table("focused_visit_themes.csv")}
    order = [t for t in theme_labels if t in themes] + sorted(
        t for t in themes if t not in theme_labels
    )
    period = f.get("period") or {}
    this_label = _period_label(period.get("start"), period.get("end"))
    prev = _previous_focused_visits(f)
    prev_themes = (prev or {}).get("themes_percent") or {}
    series = [(this_label, themes, "#12436D")]
    if prev_themes and any(v is not None for v in prev_themes.values()):
        prev_label = _period_label((prev or {}).get("start"), (prev or {}).get("end"))
        series.append((prev_label, prev_themes, "#F46A25"))
    simulated = content.meta.simulated
    note = (
        "A visit can look at more than one theme. Percentages are of focused visits in the period."
    )
    caption = f"{SIMULATED}. {note}" if simulated else note
    fig = grouped_bars(
        [theme_labels.get(t, t.replace("_", " ").capitalize()) for t in order],
        [(label, [vals.get(t) for t in order], colour) for label, vals, colour in series],
        caption=caption,
        value_text=lambda v: "no data" if v is None else f"{v}%",
        axis_text=lambda x: f"{x:.0f}%",
    )

    title = f"ILACS focused visits by theme between {this_label.replace(' to ', ' and ')}"
    shown_title = f"{title} ({SIMULATED.lower()})" if simulated else title
    n = fv.get("n")
    parts = "; ".join(
        f"{theme_labels.get(t, t)} {themes.get(t)}%"
        + (f" (previous year {prev_themes.get(t)}%)" if len(series) > 1 else "")
        for t in order
    )
    alt = (
        f"Bar chart of the themes of the {n} focused visits between "
        f"{this_label.replace(' to ', ' and ')}, as a percentage of visits: {parts}."
    )
    if simulated:
        alt = f"{SIMULATED}. {alt}"
    svg = finish_svg(fig, "figure_4", shown_title, alt)
    columns = ["Theme", f"Percentage, {this_label}"]
    if len(series) > 1:
        columns.append(f"Percentage, {series[1][0]}")
    table = DataTable(
        id="figure_4_data",
        caption=f"Data for {shown_title}",
        columns=columns,
        rows=[[theme_labels.get(t, t), *[vals.get(t) for _, vals, _ in series]] for t in order],
        notes=[note]
        + ([f"{SIMULATED}: these are not real inspection outcomes."] if simulated else []),
    )
    return Chart(id="figure_4", title=shown_title, alt_text=alt, svg=svg, table=table, note=note)


def build_charts(content: ReleaseContent) -> list[Chart]:
    """Figures 1-4 of the LA release, each only where the figures support it.

    A figure the source cannot support (e.g. focused visits when the source holds only graded
    inspections) is left out; `chart_notes` says why, for the page to show in its place.
    """
    import matplotlib

    charts = []
    with matplotlib.rc_context(style_params()):  # type: ignore[arg-type]
        for make in (_figure_1, _figure_2, _figure_3, _figure_4):
            chart = make(content)
            if chart is not None:
                charts.append(chart)
    return charts


def chart_notes(content: ReleaseContent) -> dict[str, str]:
    """Figure id -> why that figure is not drawn (for figures left out by `build_charts`)."""
    notes = {}
    f = content.figures
    if not (f.get("overall_effectiveness") or {}).get("n"):
        notes["figure_1"] = (
            "Overall effectiveness is not shown: no LA has an overall "
            "effectiveness judgement as at this date."
        )
    note = focused_visits_note(content)
    if note:
        notes["figure_4"] = note
    return notes
