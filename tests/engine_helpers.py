"""Build small canonical sources for rule tests."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from inspection_outcomes.model.events import COLUMNS, SCHEMA
from inspection_outcomes.publications.la_outcomes.engine import EngineRun, run_engine
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec

ALL_GOOD = {
    "overall_effectiveness": "good",
    "impact_of_leaders": "good",
    "help_and_protection": "good",
    "children_in_care": "good",
}


def event(
    n: int,
    la_code: str,
    start: str,
    published: str,
    event_type: str = "standard_inspection",
    end: str | None = None,
    **judgements: Any,
) -> dict[str, Any]:
    row = {c: "" for c in COLUMNS}
    row.update(
        event_id=f"t{n}",
        la_code=la_code,
        la_name="",
        event_type=event_type,
        start_date=start,
        end_date=end or start,
        publication_date=published,
    )
    if event_type in ("standard_inspection", "short_inspection") and not judgements:
        judgements = dict(ALL_GOOD)
        if start >= "2023-01-01":
            judgements["care_leavers"] = "good"
        if start >= "2026-04-01":
            judgements.pop("overall_effectiveness")
    row.update(judgements)
    return row


def write_canonical(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return path


def write_canonical_parquet(path: Path, rows: list[dict[str, Any]]) -> Path:
    """The rows as Parquet with the canonical types (what the simulator and exporters write)."""
    import duckdb

    text = write_canonical(path.with_suffix(".csv"), rows)
    cols = ", ".join(
        f"CAST(NULLIF({name}, '') AS {typ}) AS {name}"
        if typ != "VARCHAR"
        else f"NULLIF({name}, '') AS {name}"
        for name, typ, _ in SCHEMA
    )
    duckdb.connect().execute(
        f"COPY (SELECT {cols} FROM read_csv('{text}', header=true, all_varchar=true)) "
        f"TO '{path}' (FORMAT parquet)"
    )
    text.unlink()
    return path


def figures_for(
    tmp_path: Path, rows: list[dict[str, Any]], as_at: str, compare: str = "first"
) -> dict[str, Any]:
    return run_for(tmp_path, rows, as_at, compare).figures


def run_for(
    tmp_path: Path, rows: list[dict[str, Any]], as_at: str, compare: str = "first"
) -> EngineRun:
    from datetime import date

    src = write_canonical(tmp_path / "events.csv", rows)
    return run_engine(
        f"canonical:{src}", ReleaseSpec.for_date(date.fromisoformat(as_at), compare=compare)
    )
