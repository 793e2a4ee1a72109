"""Files made from reports: canonical records (CSV) and drafted corrections ledgers.

Written to a temporary file beside the target and then moved, so a failure never leaves a
half-written file; byte-identical for the same inputs.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from inspection_outcomes.errors import InputError
from inspection_outcomes.model.events import COLUMNS, InspectionEvent
from inspection_outcomes.safe_text import csv_text


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
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def events_csv(events: Iterable[InspectionEvent]) -> str:
    """Canonical records as CSV text: canonical columns, ISO dates, blanks empty."""
    return csv_text(COLUMNS, ([text(v) for v in e.as_row()] for e in events))


def write_events_csv(events: Iterable[InspectionEvent], path: Path) -> None:
    _write_atomically(path, events_csv(events))


def write_ledger(rows: Iterable[Mapping[str, str]], columns: Sequence[str], path: Path) -> None:
    _write_atomically(path, csv_text(columns, ([r[c] for c in columns] for r in rows)))
