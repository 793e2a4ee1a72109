"""The revisions table of a revised release: JSON and CSV."""

from __future__ import annotations

import json
from pathlib import Path

from inspection_outcomes.publications.la_outcomes.engine import EngineRun
from inspection_outcomes.publications.la_outcomes.revisions import revisions_table
from inspection_outcomes.safe_text import csv_text


def write_revisions(original: Path, run: EngineRun, folder: Path) -> None:
    table = revisions_table(original, run)
    (folder / "revisions.json").write_text(
        json.dumps(table, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    (folder / "revisions.csv").write_text(
        csv_text(
            ["figure", "original_value", "revised_value"],
            ([r["figure"], _text(r["old"]), _text(r["new"])] for r in table["figures_changed"]),
        ),
        encoding="utf-8",
        newline="",
    )
    cols = ["event_id", "la_name", "event_type", "start", "published", "reason"]
    (folder / "revisions-records.csv").write_text(
        csv_text(cols, ([r[c] for c in cols] for r in table["records"])),
        encoding="utf-8",
        newline="",
    )


def _text(v: object) -> str:
    return "" if v is None else json.dumps(v) if isinstance(v, list | dict) else str(v)
