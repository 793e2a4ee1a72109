"""The data tables of the findings: each figure's data, and Table 1 (change since the earlier
inspection)."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import get, long_date
from inspection_outcomes.core.types import DataTable
from inspection_outcomes.model import frameworks as fw
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS
from inspection_outcomes.publications.la_outcomes.findings.shared import (
    THEME_LABELS,
    previous_dates,
)


def _pct_row(label: str, block: dict[str, Any] | None) -> list[Any]:
    block = block or {}
    n = block.get("n")
    pcts = block.get("percent") or {}
    return [f"{label} ({n})" if n is not None else label, *[pcts.get(j) for j in JUDGEMENTS]]


def figure_tables(f: dict[str, Any]) -> dict[str, DataTable]:
    """The data tables of the findings' figures (used where no chart supplies one)."""
    cols = [f"% {LABELS[j]}" for j in JUDGEMENTS]
    tables: dict[str, DataTable] = {}
    rows = [_pct_row(f"As at {long_date(f['as_at'])}", f.get("overall_effectiveness"))]
    for d in previous_dates(f):
        rows.append(_pct_row(f"As at {long_date(d)}", f["earlier_as_at"][d]))
    tables["figure_1"] = DataTable(
        "figure_1",
        "Data for Figure 1: LA overall effectiveness at their most recent inspection",
        ["Period", *cols],
        rows,
        ["Numbers in brackets are the number of LAs with an overall effectiveness judgement."],
    )
    regions = f.get("by_region") or {}
    rows = [_pct_row(name, regions[name]) for name in sorted(regions)]
    rows.append(_pct_row("England", f.get("overall_effectiveness")))
    tables["figure_2"] = DataTable(
        "figure_2",
        "Data for Figure 2: LA overall effectiveness at their most recent inspection, by region",
        ["Region", *cols],
        rows,
        ["Numbers in brackets are the number of LAs with a graded judgement."],
    )
    rows = [_pct_row("Overall effectiveness", f.get("overall_effectiveness"))]
    subs = f.get("sub_judgements") or {}
    rows += [_pct_row(fw.AREA_LABELS[a], subs.get(a)) for a in fw.SUB_JUDGEMENT_AREAS if a in subs]
    tables["figure_3"] = DataTable(
        "figure_3",
        "Data for Figure 3: Inspection sub-judgements at the LA’s most recent inspection",
        ["Judgement area", *cols],
        rows,
        ["Numbers in brackets are the number of LAs with a graded judgement in that area."],
    )
    themes = get(f, "in_year.focused_visits.themes_percent")
    if themes and any(v is not None for v in themes.values()):
        tables["figure_4"] = DataTable(
            "figure_4",
            f"Data for Figure 4: ILACS focused visits by theme between "
            f"{long_date(f['period']['start'])} and {long_date(f['period']['end'])}",
            ["Theme", "Percentage of focused visits"],
            [[THEME_LABELS.get(t, t), themes[t]] for t in THEME_LABELS if t in themes],
        )
    return tables


def change_table(f: dict[str, Any]) -> DataTable:
    """Table 1: LAs that improved, retained or declined, by their earlier judgement."""
    c = "change_since_earlier_inspection"
    which = get(f, f"{c}.compared_with") or "first"
    earlier = "First" if which == "first" else "Previous"
    rows = []
    for j in JUDGEMENTS:
        cell = get(f, f"{c}.matrix.{j}") or {}
        rows.append([LABELS[j], cell.get("improved"), cell.get("retained"), cell.get("declined")])
    return DataTable(
        id="table_1",
        caption=(
            f"Table 1: Change in overall effectiveness for LAs that received more than one "
            f"inspection under the ILACS framework as at {long_date(f['as_at'])}"
        ),
        columns=[
            f"{earlier} ILACS overall effectiveness judgement",
            "Number of LAs that improved",
            "Number of LAs that retained their judgement",
            "Number of LAs that declined",
        ],
        rows=rows,
        notes=["A dash marks a change that is not possible from that judgement."],
    )
