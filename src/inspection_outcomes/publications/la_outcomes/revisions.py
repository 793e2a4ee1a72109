"""Revisions: an earlier release rebuilt from a later extract, and what changed.

Each release keeps a vintage: the canonical records it was built from (before corrections),
the corrections ledger, and its parameters. A revision reruns the same release (same as-at
date, period and comparison) on a later extract with the cut-off moved to take in reports
published since; every figure that changed is listed with its old and new values, and the
records that caused the change.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from inspection_outcomes.checks.corrections import ledger_text, read_ledger
from inspection_outcomes.errors import InputError
from inspection_outcomes.model.events import COLUMNS
from inspection_outcomes.publications.la_outcomes.engine import EngineRun
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec

VINTAGE = "vintage"
VINTAGE_EVENTS = "events.parquet"
VINTAGE_PARAMS = "release.json"
VINTAGE_LEDGER = "corrections.csv"


def write_vintage(run: EngineRun, folder: Path, corrections: Path | None) -> None:
    """Snapshot of the inputs: records as loaded, the ledger, and the release's parameters."""
    import duckdb

    folder.mkdir(parents=True, exist_ok=True)
    target = str(folder / VINTAGE_EVENTS).replace("'", "''")
    con = duckdb.connect()
    run.source.load_into(con)  # as the source holds them: before any correction
    con.execute(
        f"COPY (SELECT {', '.join(COLUMNS)} FROM events ORDER BY event_id) TO "
        f"'{target}' (FORMAT parquet, COMPRESSION zstd)"
    )
    con.close()
    if corrections:
        # Rewritten from what was read (formula-like text defused), not copied: the vintage is
        # published with the release.
        (folder / VINTAGE_LEDGER).write_text(
            ledger_text(read_ledger(corrections)), encoding="utf-8", newline=""
        )
    params = {
        "as_at": run.spec.as_at.isoformat(),
        "publication_cutoff": run.spec.publication_cutoff.isoformat(),
        "period_start": run.spec.period_start.isoformat(),
        "period_end": run.spec.period_end.isoformat(),
        "compare": run.spec.compare,
        "source": run.source.spec.kind,
        "corrections": VINTAGE_LEDGER if corrections else None,
        **_completed_by(run),
    }
    (folder / VINTAGE_PARAMS).write_text(
        json.dumps(params, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def _completed_by(run: EngineRun) -> dict[str, Any]:
    """What completed the source's records (the vintage's events already hold them): the
    reports folder, how many records it gave or changed, and the additions ledger with its
    records, by name; None where not used."""
    history = run.source.history
    reports = history.reports if history else None
    additions = history.additions_file if history else None
    return {
        "reports": reports.name if reports else None,
        "records_from_reports": history.counts() if history and reports else None,
        "additions": additions.name if additions else None,
        "addition_records": sorted(a.event.event_id for a in history.additions)
        if history and additions
        else None,
    }


def read_vintage_spec(release: Path) -> tuple[ReleaseSpec, Path | None]:
    params_file = release / VINTAGE / VINTAGE_PARAMS
    if not params_file.is_file():
        raise InputError(
            "not a release with a vintage (vintage/release.json missing)", file=release
        )
    p = json.loads(params_file.read_text(encoding="utf-8"))
    spec = ReleaseSpec(
        as_at=date.fromisoformat(p["as_at"]),
        publication_cutoff=date.fromisoformat(p["publication_cutoff"]),
        period_start=date.fromisoformat(p["period_start"]),
        period_end=date.fromisoformat(p["period_end"]),
        compare=p["compare"],
    )
    ledger = release / VINTAGE / p["corrections"] if p.get("corrections") else None
    return spec, ledger


def check_completed_alike(release: Path, reports: Path | None, additions: Path | None) -> None:
    """A revision reads what completed the original's records: without them its figures
    would move for want of an input, not for a revised record."""
    p = json.loads((release / VINTAGE / VINTAGE_PARAMS).read_text(encoding="utf-8"))
    for key, given, option in (
        ("reports", reports, "--reports"),
        ("additions", additions, "--additions"),
    ):
        if p.get(key) and given is None:
            raise InputError(
                f"the original release was completed by {key} '{p[key]}': give {option} "
                "(the same, or a newer one) to revise it",
                file=release,
                field=option,
            )


def flatten(node: Any, path: str = "") -> dict[str, Any]:
    """{dotted.path: value} for every leaf (lists are leaves)."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for k, v in node.items():
            out.update(flatten(v, f"{path}.{k}" if path else str(k)))
        return out
    return {path: node}


#: Keys that describe the build, not the statistics.
NOT_FIGURES = ("publication_cutoff", "anomalies", "corrections_applied")


def changed_figures(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    a, b = flatten(old), flatten(new)
    rows = []
    for key in sorted(set(a) | set(b)):
        if key.split(".")[0] in NOT_FIGURES or (
            key.startswith("earlier_as_at.") and key.endswith("publication_cutoff")
        ):
            continue
        if a.get(key) != b.get(key):
            rows.append({"figure": key, "old": a.get(key), "new": b.get(key)})
    return rows


def causing_records(original: Path, run: EngineRun) -> list[dict[str, Any]]:
    """Records included in the revision that the original release did not include, or
    whose values differ."""
    events = str(original / VINTAGE / VINTAGE_EVENTS).replace("'", "''")
    con = run.warehouse.con
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW vintage_events AS SELECT * FROM read_parquet('{events}')"
    )
    old_cutoff = read_vintage_spec(original)[0].publication_cutoff
    return run.warehouse.rows(
        """SELECT e.event_id, e.la_name, e.event_type, CAST(e.start_date AS VARCHAR) AS start,
                  CAST(e.publication_date AS VARCHAR) AS published,
                  CASE WHEN v.event_id IS NULL THEN 'not in the original extract'
                       WHEN e.publication_date > ? THEN 'published after the original cut-off'
                       ELSE 'record changed' END AS reason
           FROM named_events AS e
           LEFT JOIN vintage_events AS v ON v.event_id = e.event_id
           WHERE e.took_place <= ? AND e.publication_date <= ?
             AND (v.event_id IS NULL OR e.publication_date > ?
                  OR e.publication_date IS DISTINCT FROM v.publication_date)
           ORDER BY e.took_place, e.event_id""",
        [old_cutoff, run.spec.as_at, run.spec.publication_cutoff, old_cutoff],
    )


def revisions_table(original: Path, run: EngineRun) -> dict[str, Any]:
    old = json.loads((original / "figures.json").read_text(encoding="utf-8"))
    return {
        "original": original.name,
        "as_at": run.figures["as_at"],
        "original_cutoff": old.get("publication_cutoff"),
        "revised_cutoff": run.figures["publication_cutoff"],
        "figures_changed": changed_figures(old, run.figures),
        "records": causing_records(original, run),
    }
