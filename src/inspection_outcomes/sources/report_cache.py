"""Records read from a folder of reports, cached, or from a records file already extracted.

Reading every report takes seconds (about 9 s for the 406 shared ones); a release reads them
again each time it is built. The reading is kept in a cache file keyed by the folder's file
names, sizes and modification times and by the reader's own code, so a changed report or a
changed reader reads again, and the same inputs always give the same records. The cache is
in `$INSPECTION_OUTCOMES_CACHE`, else `$XDG_CACHE_HOME/inspection-outcomes`, else
`~/.cache/inspection-outcomes`. A CSV file written by `outcomes reports extract` is read as
it stands (no quotes: evidence then names the file and page only).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import asdict
from datetime import date
from pathlib import Path

from inspection_outcomes.checks.anomalies import Anomaly
from inspection_outcomes.errors import InputError
from inspection_outcomes.files import write_atomically
from inspection_outcomes.model.events import COLUMNS, DATE_COLUMNS, InspectionEvent

#: The modules whose code decides what a report gives (a change to any reads again).
READER_MODULES = ("reports.py", "report_layouts.py", "report_text.py", "report_pdf.py")
CACHE_FORMAT = 1


def cache_folder() -> Path:
    """Where readings are cached (see the module's docstring)."""
    own = os.environ.get("INSPECTION_OUTCOMES_CACHE")
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "inspection-outcomes"


def folder_key(folder: Path) -> str:
    """A key of what reading the folder depends on: each file's name, size and modification
    time, and the reader's code."""
    from inspection_outcomes.sources.reports import report_files

    h = hashlib.sha256(f"format {CACHE_FORMAT}\n".encode())
    here = Path(__file__).parent
    for module in READER_MODULES:
        h.update(hashlib.sha256((here / module).read_bytes()).digest())
    for p in report_files(folder):
        st = p.stat()
        h.update(f"{p.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _event_dict(e: InspectionEvent) -> dict[str, object]:
    d = asdict(e)
    for c in DATE_COLUMNS:
        d[c] = d[c].isoformat() if d[c] else None
    return d


def _event(d: dict[str, object]) -> InspectionEvent:
    for c in DATE_COLUMNS:
        d[c] = date.fromisoformat(str(d[c])) if d[c] else None
    return InspectionEvent(**d)  # type: ignore[arg-type]


def read_reports_cached(folder: Path) -> tuple[list[InspectionEvent], list[Anomaly]]:
    """The folder's records and anomalies, from the cache when it holds this reading."""
    from inspection_outcomes.sources.reports import read_reports

    path = cache_folder() / f"reports-{folder_key(folder)}.json"
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [_event(d) for d in data["events"]], [Anomaly(**a) for a in data["anomalies"]]
        except (ValueError, KeyError, TypeError):
            pass  # a damaged cache file: read the reports again
    read = read_reports(folder)
    data = {
        "events": [_event_dict(e) for e in read.events],
        "anomalies": [asdict(a) for a in read.anomalies],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(data, sort_keys=True).encode("utf-8"))
    except OSError:
        pass  # no cache where it cannot be written: the reading stands
    return read.events, read.anomalies


def read_records_csv(path: Path) -> list[InspectionEvent]:
    """Records written by `outcomes reports extract --out FILE` (the canonical columns)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(
                    f"not a records file of reports: missing column(s) {', '.join(missing)}",
                    file=path,
                )
            rows = list(reader)
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", file=path) from None
    except csv.Error as e:
        raise InputError(f"not a CSV file ({e})", file=path) from None
    out = []
    for i, r in enumerate(rows, start=2):
        values: dict[str, object] = {c: (r[c] or None) for c in COLUMNS}
        try:
            for c in DATE_COLUMNS:
                values[c] = date.fromisoformat(str(values[c])) if values[c] else None
            values["source_row"] = int(str(values["source_row"])) if values["source_row"] else None
        except ValueError as e:
            raise InputError(f"not a date or number ({e})", file=path, row=i) from None
        values["source_file"] = r["source_file"] or ""
        out.append(InspectionEvent(**values))  # type: ignore[arg-type]
    return out


def reports_records(path: Path) -> tuple[list[InspectionEvent], list[Anomaly]]:
    """`--reports PATH`: a folder of reports (read, cached) or a records CSV file."""
    if path.is_dir():
        return read_reports_cached(path)
    if path.is_file():
        return read_records_csv(path), []
    raise InputError("no such folder of reports or records file", file=path)
