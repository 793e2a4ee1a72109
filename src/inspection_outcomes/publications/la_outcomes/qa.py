"""The quality assurance report: every data check of a release, in one dict (JSON and HTML).

What the methodology's QA does by hand, automated: anomalies in the source, corrections with
their evidence, LAs not yet inspected, structural changes in force, records left out by the
cut-off, totals and percentages, and the comparison with the previous release.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from inspection_outcomes.core.assembler import (
    sha256,
)
from inspection_outcomes.publications.la_outcomes.consistency import check_figures
from inspection_outcomes.publications.la_outcomes.engine import EngineRun
from inspection_outcomes.publications.la_outcomes.figures import as_at_block


def input_checksums(run: EngineRun, corrections: Path | None) -> list[dict[str, str]]:
    """Checksums of the inputs, named independently of where they sit on this machine."""
    root = run.source.spec.path
    named = [
        (p.relative_to(root).as_posix() if root.is_dir() else p.name, p)
        for p in run.source.input_files
    ]
    if corrections:
        named.append((corrections.name, corrections))
    h = run.source.history
    if h is not None and h.additions_file is not None:
        named.append((h.additions_file.name, h.additions_file))
    if h is not None and h.reports is not None and h.reports.is_file():
        named.append((h.reports.name, h.reports))
    elif h is not None and h.reports is not None:
        named += [
            (f"reports/{p.relative_to(h.reports).as_posix()}", p)
            for p in sorted(h.reports.rglob("*"))
            if p.is_file()
        ]
    return [{"path": name, "sha256": sha256(p)} for name, p in named]


def left_out_by_cutoff(run: EngineRun) -> list[dict[str, Any]]:
    """Events that took place by the as-at date but were published after the cut-off."""
    return run.warehouse.rows(
        """SELECT event_id, la_code, la_name, event_type, CAST(start_date AS VARCHAR) AS start,
                  CAST(publication_date AS VARCHAR) AS published, source_file, source_row
           FROM named_events
           WHERE took_place <= ? AND publication_date > ? ORDER BY took_place, event_id""",
        [run.spec.as_at, run.spec.publication_cutoff],
    )


def without_type(run: EngineRun) -> list[dict[str, Any]]:
    """Records that take part in no figure because the source gave no event type."""
    return run.warehouse.rows(
        """SELECT event_id, la_code, la_name, CAST(publication_date AS VARCHAR) AS published,
                  source_file, source_row
           FROM events WHERE event_type IS NULL OR event_type = '' ORDER BY event_id"""
    )


def previous_release_comparison(run: EngineRun) -> dict[str, Any]:
    """The headline against the previous 31 March: as that release saw it (its own cut-off)
    and as the data now see it. The difference between those two is revisions (late
    reports); the rest of the movement is new inspections."""
    prev = run.spec.earlier(1)
    original = as_at_block(run.warehouse, prev)
    revised = as_at_block(
        run.warehouse, replace(prev, publication_cutoff=run.spec.publication_cutoff)
    )
    current = run.figures["overall_effectiveness"]
    late = run.warehouse.rows(
        """SELECT event_id, la_name, CAST(start_date AS VARCHAR) AS start,
                  CAST(publication_date AS VARCHAR) AS published
           FROM named_events WHERE took_place <= ? AND publication_date > ?
             AND publication_date <= ? ORDER BY took_place, event_id""",
        [prev.as_at, prev.publication_cutoff, run.spec.publication_cutoff],
    )
    new = run.warehouse.rows(
        """SELECT event_id, la_name, event_type, CAST(start_date AS VARCHAR) AS start
           FROM named_events WHERE took_place > ? AND took_place <= ?
             AND publication_date <= ? ORDER BY took_place, event_id""",
        [prev.as_at, run.spec.as_at, run.spec.publication_cutoff],
    )
    moved = []
    for j, now in current["counts"].items():
        before = original["overall_effectiveness"]["counts"][j]
        rev = revised["overall_effectiveness"]["counts"][j]
        if now != before or rev != before:
            moved.append(
                {
                    "figure": f"overall_effectiveness.counts.{j}",
                    "previous": before,
                    "previous_revised": rev,
                    "current": now,
                    "revision": rev - before,
                    "new_inspections": now - rev,
                }
            )
    return {
        "previous_as_at": prev.as_at.isoformat(),
        "moved": moved,
        "late_reports_now_included": late,
        "new_events": len(new),
    }


def history_section(run: EngineRun) -> dict[str, Any]:
    """How the records were made where reports or additions were combined with the source
    (precedence: checks.history): what each report did, and the secondary-source records
    of the additions ledger with their evidence. Empty where the source stood alone."""
    h = run.source.history
    if h is None:
        return {"combined": False}
    return {
        "combined": True,
        "precedence": [
            "a correction in the corrections ledger",
            "the inspection's own report (its judgements table, dates, type and framework)",
            "the scraped row",
        ],
        **h.counts(),
        "from_reports": [r.as_dict() for r in h.from_reports if r.action != "agreed"],
        "secondary_source_records": [a.as_dict() for a in h.additions],
    }


def qa_report(run: EngineRun, corrections: Path | None = None) -> dict[str, Any]:
    f = run.figures
    checks = check_figures(f)
    return {
        "as_at": f["as_at"],
        "publication_cutoff": f["publication_cutoff"],
        "source": f"{run.source.spec.kind}:{run.source.spec.path.name}",
        "inputs": input_checksums(run, corrections),
        "anomalies": [a.as_dict() for a in run.anomalies],
        "corrections": [a.as_dict() for a in run.corrections],
        "history": history_section(run),
        "local_authorities": f["local_authorities"],
        "structural_changes": f["structural_changes"],
        "frameworks_in_force": f["frameworks_in_force"],
        "left_out_by_cutoff": left_out_by_cutoff(run),
        "left_out_without_type": without_type(run),
        "consistency": {"passed": not checks, "problems": checks},
        "previous_release": previous_release_comparison(run),
    }
