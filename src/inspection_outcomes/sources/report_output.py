"""Files made from reports: canonical records (CSV), drafted corrections ledgers, anomalies.

Written to a temporary file beside the target and then moved, so a failure never leaves a
half-written file; byte-identical for the same inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspection_outcomes.checks.anomalies import Anomaly
from inspection_outcomes.errors import InputError
from inspection_outcomes.files import write_atomically
from inspection_outcomes.model.events import COLUMNS, InspectionEvent
from inspection_outcomes.safe_text import csv_text

if TYPE_CHECKING:
    from inspection_outcomes.sources.reports import ReportsRead


def text(value: object) -> str:
    """A field value as written in files: ISO dates, '' for none."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _write_atomically(path: Path, content: str) -> None:
    path = Path(path)
    if path.is_dir():
        raise InputError("a file name expected, not a folder", file=path)
    if not path.parent.is_dir():
        raise InputError("the folder to write into does not exist", file=path.parent)
    write_atomically(path, content.encode("utf-8"))


def events_csv(events: Iterable[InspectionEvent]) -> str:
    """Canonical records as CSV text: canonical columns, ISO dates, blanks empty."""
    return csv_text(COLUMNS, ([text(v) for v in e.as_row()] for e in events))


def write_events_csv(events: Iterable[InspectionEvent], path: Path) -> None:
    _write_atomically(path, events_csv(events))


def write_ledger(rows: Iterable[Mapping[str, str]], columns: Sequence[str], path: Path) -> None:
    _write_atomically(path, csv_text(columns, ([r[c] for c in columns] for r in rows)))


ANOMALY_COLUMNS = ("file", "row", "field", "kind", "value", "problem", "record", "effect")


def write_anomalies(anomalies: Iterable[Anomaly], path: Path) -> None:
    """The anomalies of a reading as CSV (row is the page of the report, 0 the whole file)."""
    _write_atomically(
        path,
        csv_text(
            ANOMALY_COLUMNS, ([text(getattr(a, c)) for c in ANOMALY_COLUMNS] for a in anomalies)
        ),
    )


def reading_summary(read: ReportsRead) -> dict[str, object]:
    """What reading a folder gave, as JSON prints it: counts first, then every anomaly."""
    return {
        "files": read.files,
        "read": read.files - len(read.not_read),
        "not_read": len(read.not_read),
        "records": len(read.events),
        "anomalies": len(read.anomalies),
        "anomalies_by_kind": read.by_kind(),
        "anomaly_details": [a.as_dict() for a in read.anomalies],
    }


def summary_lines(read: ReportsRead) -> list[str]:
    """The reading summary for people: counts, anomalies by kind, then one line each."""
    kinds = ", ".join(f"{k} {n}" for k, n in read.by_kind().items())
    lines = [
        f"{read.files} files: {read.files - len(read.not_read)} read, "
        f"{len(read.not_read)} not read; {len(read.events)} records",
        f"{len(read.anomalies)} anomalies" + (f" ({kinds})" if kinds else ""),
    ]
    lines += [f"  {a.kind}: {a.line()}" for a in read.anomalies]
    return lines


#: Exit status of the reports commands when some file or field could not be read (0: all
#: read; 2: bad arguments or an unusable folder).
NOT_ALL_READ = 1


def print_verify_table(read: ReportsRead, result: Mapping[str, Any]) -> None:
    """verify for people: the summaries first (reading, then checking), then the
    disagreements, each anomaly, and the reports without a record."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    lines = summary_lines(read)
    for line in lines[:2]:
        console.print(escape(line))
    console.print(
        f"checked {result['checked']} reports, matched {result['matched']}; "
        f"judgements checked {result['judgements_checked']}, agreeing "
        f"{result['judgements_agreeing']}; unmatched {len(result['unmatched'])}"
    )
    table = Table(title="Reports and records that disagree")
    for column in ("report", "la", "field", "report_value", "record_value"):
        table.add_column(column)
    for d in result["disagreements"]:
        table.add_row(d["report"], d["la"], d["field"], d["report_value"], d["record_value"])
    console.print(table)
    for line in lines[2:]:
        console.print(escape(line))
    for u in result["unmatched"]:
        console.print(f"no record for {escape(u['report'])} ({u['la']})")
