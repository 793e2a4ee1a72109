"""The QA report for people at a terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console


def print_qa(report: dict[str, Any], console: Console | None = None) -> None:
    c = console or Console()
    c.print(f"[bold]Quality assurance: release as at {report['as_at']}[/bold] "
            f"(cut-off {report['publication_cutoff']}; source {report['source']})")
    for i in report["inputs"]:
        c.print(f"  input {i['path']}  sha256 {i['sha256'][:16]}…")
    ok = report["consistency"]["passed"]
    c.print(f"Consistency of totals and percentages: {'passed' if ok else 'FAILED'}")
    for p in report["consistency"]["problems"]:
        c.print(f"  [red]{p}[/red]")
    la = report["local_authorities"]
    c.print(f"LAs: {la['total']}; graded {la['graded']}; not yet inspected: "
            f"{', '.join(la['not_yet_graded']) or 'none'}")
    if la.get("judgement_not_in_source"):
        c.print(f"LAs whose most recent judgement the source does not hold: "
                f"{', '.join(la['judgement_not_in_source'])}")
    c.print("Structural changes in force: " + "; ".join(
        f"{s['name']} from {s['date']} (from {', '.join(s['predecessors'])})"
        for s in report["structural_changes"]))
    applied = [x for x in report["corrections"] if x["applied"]]
    c.print(f"Corrections: {len(applied)} applied, "
            f"{len(report['corrections']) - len(applied)} not applied")
    for x in report["corrections"]:
        state = "applied" if x["applied"] else f"NOT applied: {x['reason']}"
        c.print(f"  {x['record']} {x['field']}: {x['value_found']!r} -> "
                f"{x['corrected_value']!r} ({state}); evidence: {x['evidence']}")
    c.print(f"Anomalies in the source: {len(report['anomalies'])}")
    for a in report["anomalies"]:
        c.print(f"  {a['file']}, row {a['row']}, field '{a['field']}': {a['problem']} "
                f"(found {a['value']!r}); {a['effect']}")
    c.print(f"Left out by the cut-off (published too late): {len(report['left_out_by_cutoff'])}")
    for e in report["left_out_by_cutoff"]:
        c.print(f"  {e['la_name']} {e['event_type']} started {e['start']}, published "
                f"{e['published']}")
    c.print(f"Left out for want of an event type: {len(report['left_out_without_type'])}")
    prev = report["previous_release"]
    c.print(f"Against the release as at {prev['previous_as_at']}: {prev['new_events']} new "
            f"events; {len(prev['late_reports_now_included'])} late reports now included")
    for m in prev["moved"]:
        c.print(f"  {m['figure']}: {m['previous']} -> {m['current']} (revisions "
                f"{m['revision']:+d}, new inspections {m['new_inspections']:+d})")
