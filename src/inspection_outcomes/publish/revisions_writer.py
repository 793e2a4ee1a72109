"""The revisions table of a revised release: JSON and CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from inspection_outcomes.release.build import EngineRun
from inspection_outcomes.release.revisions import revisions_table


def write_revisions(original: Path, run: EngineRun, folder: Path) -> None:
    table = revisions_table(original, run)
    (folder / "revisions.json").write_text(json.dumps(table, indent=2, sort_keys=True) + "\n",
                                           encoding="utf-8")
    with (folder / "revisions.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["figure", "original_value", "revised_value"])
        for r in table["figures_changed"]:
            w.writerow([r["figure"], _text(r["old"]), _text(r["new"])])
    with (folder / "revisions-records.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        cols = ["event_id", "la_name", "event_type", "start", "published", "reason"]
        w.writerow(cols)
        for r in table["records"]:
            w.writerow([r[c] for c in cols])


def _text(v: object) -> str:
    return "" if v is None else json.dumps(v) if isinstance(v, list | dict) else str(v)
