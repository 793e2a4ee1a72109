"""Adapter for the published inspection reports (PDF): one canonical record per report.

Everything is read from page 1 (the judgement table, dates and title), the only page whose
text is extracted, so a folder of reports reads in seconds. ILACS reports do not state their
publication date: it is taken from the file name ('... - 16 may 2024.pdf'), as published.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from inspection_outcomes.checks.anomalies import Anomaly
from inspection_outcomes.errors import InputError
from inspection_outcomes.model import frameworks, local_authorities
from inspection_outcomes.model.events import InspectionEvent
from inspection_outcomes.sources.report_text import (
    ReportText,
    ReportTextError,
    event_type_from_length,
    parse_day,
    parse_first_page,
)

#: '<urn>_<la>__<report title> - 16 may 2024.pdf'
_FILE_DATE = re.compile(r"(\d{1,2})[_\s]+([a-z]+)[_\s]+(\d{4})$", re.I)
_FILE_URN = re.compile(r"^(\d+)_")


def _page_one_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not path.is_file():
        raise InputError("no such report", file=path)
    with path.open("rb") as f:
        if f.read(5) != b"%PDF-":
            raise InputError("not a PDF file (a published inspection report expected)",
                             file=path)
    try:
        reader = PdfReader(path)
        if not reader.pages:
            raise InputError("the PDF has no pages", file=path)
        return reader.pages[0].extract_text() or ""
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"cannot read the PDF ({e})", file=path) from None


def _date_from_name(path: Path) -> date | None:
    m = _FILE_DATE.search(path.stem)
    if not m:
        return None
    try:
        return parse_day(" ".join(m.groups()))
    except (ReportTextError, ValueError):
        return None


def _resolve_la(text: ReportText, path: Path) -> local_authorities.LocalAuthority:
    la = local_authorities.resolve(text.la_name, on=text.start_date)
    by_urn = None
    m = _FILE_URN.match(path.name)
    if m:
        by_urn = local_authorities.resolve_code(m.group(1))
    if la is None and by_urn is None:
        raise InputError(f"page 1: local authority '{text.la_name}' is not in the LA reference "
                         "table (and the file name has no known URN)", file=path,
                         field="la_code")
    if la is not None and by_urn is not None and la.la_code != by_urn.la_code:
        raise InputError(f"page 1 names {la.name} but the file name's URN is {by_urn.name}'s",
                         file=path, field="la_code")
    result = la or by_urn
    assert result is not None
    return result


def report_from_text(text: ReportText, path: Path) -> InspectionEvent:
    """The canonical record of a report whose page 1 has been parsed."""
    la = _resolve_la(text, path)
    published = text.published or _date_from_name(path)
    if published is None:
        raise InputError("no publication date: page 1 does not state one and the file name "
                         "does not end with one ('... - 16 may 2024.pdf' expected)",
                         file=path, field="publication_date")
    if published < text.end_date:
        raise InputError(f"published {published}, before the inspection ended "
                         f"({text.end_date})", file=path, field="publication_date")
    extra = {f"quote:{k}": v for k, v in text.quotes.items()}
    if text.layout == "sif":
        event_type = "sif_inspection"
        # Re-inspections under the SIF ran into 2018, after ILACS began.
        version: frameworks.FrameworkVersion | None = frameworks.by_id()["sif"]
    else:
        event_type = event_type_from_length(text.start_date, text.end_date)
        extra["event_type_basis"] = "length of the inspection"
        version = frameworks.framework_on(text.start_date)
    framework = version.framework if version else None
    if version is not None:
        missing = [a for a in version.judgements if a not in text.judgements]
        if missing:
            raise InputError(f"page 1: no grade for {', '.join(missing)} "
                             f"({version.name} gives it)", file=path, field=missing[0])
    return InspectionEvent(
        event_id=f"report:{la.ofsted_urn or la.la_code}:{published.isoformat()}",
        la_code=la.la_code,
        la_name=la.name,
        event_type=event_type,
        framework=framework,
        start_date=text.start_date,
        end_date=text.end_date,
        publication_date=published,
        source_file=path.name,
        source_row=1,
        report_ref=path.name,
        extra=extra,
        **text.judgements,
    )


def read_report(path: str | Path) -> InspectionEvent:
    """Read one published report into a canonical record (page 1 only)."""
    path = Path(path)
    raw = _page_one_text(path)
    try:
        text = parse_first_page(raw)
    except ReportTextError as e:
        raise InputError(f"page 1: {e.expected} expected", file=path, field=e.field) from None
    return report_from_text(text, path)


def report_files(folder: str | Path) -> list[Path]:
    """The files of a reports folder, sorted; an error when there is nothing to read."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("a folder of report PDFs expected", file=folder)
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        raise InputError("no reports in the folder (PDF files expected)", file=folder)
    return files


@dataclass
class ReportOutcome:
    """What one file gave: its record (None when it could not be read) and its anomalies."""

    file: str
    event: InspectionEvent | None
    anomalies: list[Anomaly] = field(default_factory=list)


@dataclass
class ReportsRead:
    """What a folder gave: one outcome per file, records sorted, anomalies in file order."""

    outcomes: list[ReportOutcome]
    events: list[InspectionEvent]
    anomalies: list[Anomaly]

    @property
    def files(self) -> int:
        return len(self.outcomes)

    @property
    def not_read(self) -> list[str]:
        """Files that gave no record."""
        return [o.file for o in self.outcomes if o.event is None]

    def by_kind(self) -> dict[str, int]:
        """Anomalies counted by kind, most frequent first (then by name)."""
        counts = Counter(a.kind for a in self.anomalies)
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _kind(error: InputError) -> str:
    if "not a PDF" in error.detail:
        return "not_a_pdf"
    if error.field:
        return "unreadable_field"
    return "unreadable_pdf"


def read_report_outcome(path: str | Path) -> ReportOutcome:
    """Read one file; what cannot be read becomes an anomaly, never an exception."""
    path = Path(path)
    try:
        return ReportOutcome(path.name, read_report(path))
    except InputError as e:
        return ReportOutcome(path.name, None, [Anomaly(
            path.name, 1, e.field or "", "", e.detail, kind=_kind(e),
            effect="no record from this file")])


def _duplicates(outcomes: list[ReportOutcome]) -> None:
    """A second file of the same LA and publication date gives no record (an anomaly)."""
    seen: dict[str, str] = {}
    for o in outcomes:
        if o.event is None:
            continue
        first = seen.setdefault(o.event.event_id, o.file)
        if first != o.file:
            o.anomalies.append(Anomaly(o.file, 1, "publication_date",
                                       text_of(o.event.publication_date),
                                       f"same LA and publication date as {first}",
                                       o.event.event_id, "no record from this file",
                                       kind="duplicate_report"))
            o.event = None


def text_of(value: date | None) -> str:
    return value.isoformat() if value else ""


def read_reports(folder: str | Path, workers: int | None = None) -> ReportsRead:
    """Read every file of a folder, in parallel; records sorted by LA code, start date, file.

    One unreadable file never stops the others: it gives an anomaly (a stray file included,
    never silently skipped). Only a folder with nothing to read is an error.
    """
    files = report_files(folder)
    workers = workers or min(len(files), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(read_report_outcome, files, chunksize=4))
    else:
        outcomes = [read_report_outcome(p) for p in files]
    _duplicates(outcomes)
    events = sorted((o.event for o in outcomes if o.event is not None),
                    key=lambda e: (e.la_code, e.start_date or date.min, e.source_file))
    return ReportsRead(outcomes, events, [a for o in outcomes for a in o.anomalies])
