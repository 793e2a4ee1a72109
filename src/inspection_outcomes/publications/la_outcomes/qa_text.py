"""The QA report for people at a terminal: the summary first, the details on request.

The details (every correction with its evidence, every anomaly, every record left out) are
long: `outcomes check --verbose` prints them after the summary, and every release writes
them in its QA report (quality-assurance.html and qa-report.json).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console


def print_qa(report: dict[str, Any], console: Console | None = None, verbose: bool = False) -> None:
    c = console or Console()
    _summary(report, c)
    if verbose:
        _details(report, c)
    else:
        c.print(
            "Details of each correction, anomaly and record left out: "
            "outcomes check --verbose, or the QA report of a release "
            "(quality-assurance.html, qa-report.json)."
        )


def _summary(report: dict[str, Any], c: Console) -> None:
    c.print(
        f"[bold]Quality assurance: release as at {report['as_at']}[/bold] "
        f"(cut-off {report['publication_cutoff']}; source {report['source']})"
    )
    for i in report["inputs"]:
        c.print(f"  input {i['path']}  sha256 {i['sha256'][:16]}…")
    ok = report["consistency"]["passed"]
    c.print(f"Consistency of totals and percentages: {'passed' if ok else 'FAILED'}")
    for p in report["consistency"]["problems"]:
        c.print(f"  [red]{p}[/red]")
    la = report["local_authorities"]
    c.print(
        f"LAs: {la['total']}; graded {la['graded']}; not yet inspected: "
        f"{', '.join(la['not_yet_graded']) or 'none'}"
    )
    if la.get("judgement_not_in_source"):
        c.print(
            f"LAs whose most recent judgement the source does not hold: "
            f"{', '.join(la['judgement_not_in_source'])}"
        )
    c.print(
        "Structural changes in force: "
        + "; ".join(
            f"{s['name']} from {s['date']} (from {', '.join(s['predecessors'])})"
            for s in report["structural_changes"]
        )
    )
    applied = sum(1 for x in report["corrections"] if x["applied"])
    c.print(f"Corrections: {applied} applied, {len(report['corrections']) - applied} not applied")
    h = report.get("history", {})
    if h.get("combined"):
        c.print(
            f"Records from reports: {h['reports_replacing_fields']} with fields from their "
            f"report, {h['reports_agreeing']} agreeing, {h['reports_added']} added, "
            f"{h['reports_not_graded']} left out as not graded inspections; "
            f"secondary-source records (additions ledger): {len(h['secondary_source_records'])}"
        )
    kinds = Counter(a["problem"] for a in report["anomalies"])
    c.print(
        f"Anomalies in the source: {len(report['anomalies'])}"
        + (
            " ("
            + "; ".join(
                f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
            )
            + ")"
            if kinds
            else ""
        )
    )
    c.print(f"Left out by the cut-off (published too late): {len(report['left_out_by_cutoff'])}")
    c.print(f"Left out for want of an event type: {len(report['left_out_without_type'])}")
    prev = report["previous_release"]
    c.print(
        f"Against the release as at {prev['previous_as_at']}: {prev['new_events']} new "
        f"events; {len(prev['late_reports_now_included'])} late reports now included; "
        f"{len(prev['moved'])} figures moved"
    )


def _details(report: dict[str, Any], c: Console) -> None:
    c.print("[bold]Corrections[/bold]")
    for x in report["corrections"]:
        state = "applied" if x["applied"] else f"NOT applied: {x['reason']}"
        c.print(
            f"  {x['record']} {x['field']}: {x['value_found']!r} -> "
            f"{x['corrected_value']!r} ({state}); evidence: {x['evidence']}"
        )
    for a in report.get("history", {}).get("secondary_source_records", []):
        c.print(
            f"  secondary-source record {a['record']} ({a['la_name']}, {a['end_date']}, "
            f"dates {a['dates']}): {a['source']}; quote: {a['quote']}"
        )
    c.print("[bold]Anomalies in the source[/bold]")
    for a in report["anomalies"]:
        c.print(
            f"  {a['file']}, row {a['row']}, field '{a['field']}': {a['problem']} "
            f"(found {a['value']!r}); {a['effect']}"
        )
    c.print("[bold]Left out by the cut-off[/bold]")
    for e in report["left_out_by_cutoff"]:
        c.print(
            f"  {e['la_name']} {e['event_type']} started {e['start']}, published {e['published']}"
        )
    c.print("[bold]Figures that moved since the previous release[/bold]")
    for m in report["previous_release"]["moved"]:
        c.print(
            f"  {m['figure']}: {m['previous']} -> {m['current']} (revisions "
            f"{m['revision']:+d}, new inspections {m['new_inspections']:+d})"
        )
