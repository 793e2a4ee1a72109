"""The figures for people at a terminal (`--format table`)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from inspection_outcomes.model.frameworks import AREA_LABELS
from inspection_outcomes.model.scale import JUDGEMENTS, SHORT_LABELS


def _cell(v: Any) -> str:
    return "not in source" if v is None else str(v)


def _distribution_table(title: str, rows: dict[str, dict[str, Any]]) -> Table:
    t = Table(title=title, title_justify="left")
    t.add_column("")
    t.add_column("n", justify="right")
    for j in JUDGEMENTS:
        t.add_column(f"{SHORT_LABELS[j]} (count, %)", justify="right")
    t.add_column("Good or outstanding %", justify="right")
    for name, d in rows.items():
        t.add_row(
            name,
            _cell(d["n"]),
            *[f"{d['counts'][j]} ({_cell(d['percent'][j])}%)" for j in JUDGEMENTS],
            _cell(d["good_or_outstanding_percent"]),
        )
    return t


def print_figures(f: dict[str, Any], console: Console | None = None) -> None:
    c = console or Console()
    la = f["local_authorities"]
    c.print(
        f"[bold]LA inspection outcomes as at {f['as_at']}[/bold] (reports published by "
        f"{f['publication_cutoff']}; in-year {f['period']['start']} to {f['period']['end']})"
    )
    if f.get("simulated"):
        c.print("[bold red]Simulated data[/bold red]")
    c.print(f"Source holds: {', '.join(f['coverage'])}")
    c.print(
        f"LAs: {la['total']}, graded {la['graded']}; not yet graded: "
        f"{', '.join(la['not_yet_graded']) or 'none'}"
    )
    if la.get("judgement_not_in_source"):
        c.print(f"Judgement not in source: {', '.join(la['judgement_not_in_source'])}")
    rows = {f"As at {f['as_at']}": f["overall_effectiveness"]}
    rows.update({f"As at {d}": v for d, v in f["earlier_as_at"].items()})
    c.print(_distribution_table("Overall effectiveness", rows))
    c.print(_distribution_table("By region", f["by_region"]))
    c.print(
        _distribution_table(
            "Sub-judgements", {AREA_LABELS[a]: d for a, d in f["sub_judgements"].items()}
        )
    )
    ch = f["change_since_earlier_inspection"]
    t = Table(
        title=f"Change since {ch['compared_with']} ILACS inspection (n={ch['n']})",
        title_justify="left",
    )
    for col in ("Earlier judgement", "Improved", "Retained", "Declined"):
        t.add_column(col)
    for j, cells in ch["matrix"].items():
        t.add_row(
            SHORT_LABELS[j],
            *[
                "-" if cells[k] is None else str(cells[k])
                for k in ("improved", "retained", "declined")
            ],
        )
    t.add_row(
        "Total",
        *[f"{ch[k]} ({_cell(ch[k + '_percent'])}%)" for k in ("improved", "retained", "declined")],
    )
    c.print(t)
    cl = f["care_leavers_vs_children_in_care"]
    c.print(
        f"Care leavers judged differently from children in care: {cl['different']} of "
        f"{cl['n']} ({_cell(cl['different_percent'])}%)"
    )
    c.print(
        "Inadequate overall with exactly one inadequate sub-judgement: "
        f"{f['inadequate_overall_with_one_inadequate_sub_judgement']}"
    )
    y = f["in_year"]
    g = y["graded"]
    c.print(
        f"[bold]In year[/bold]: visits {_cell(y['visits'])}, LAs visited "
        f"{_cell(y['las_visited'])}; "
        + ", ".join(f"{k.replace('_', ' ')} {_cell(v)}" for k, v in y["by_type"].items())
    )
    c.print(
        f"Graded inspections {g['n']}: "
        + ", ".join(
            f"{SHORT_LABELS[j]} {g['counts'][j]} ({_cell(g['percent'][j])}%)" for j in JUDGEMENTS
        )
        + f"; improved {g['improved']}, retained {g['retained']}, declined {g['declined']}; "
        f"re-inspected after inadequate {g['reinspected_after_inadequate']} "
        f"(to good {g['reinspected_after_inadequate_improved_to_good']})"
    )
    fv, mv = y["focused_visits"], y["monitoring_visits"]
    c.print(
        f"Focused visits {_cell(fv['n'])} (to LAs judged requires improvement "
        f"{_cell(fv['to_requires_improvement_las'])}); monitoring visits {_cell(mv['n'])} "
        f"to {_cell(mv['las'])} LAs ({_cell(mv['las_reinspected'])} re-inspected)"
    )
    for note in f.get("notes", []):
        c.print(f"Note: {note}")
