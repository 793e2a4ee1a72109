"""Adapter for the published inspection reports (PDF): one canonical record per report.

Everything is read from page 1 (the judgement table, dates and title), the only page whose
text is extracted, so a folder of reports reads in seconds. ILACS reports do not state their
publication date: it is taken from the file name ('... - 16 may 2024.pdf'), as published.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

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
        framework: str | None = "sif"
    else:
        event_type = event_type_from_length(text.start_date, text.end_date)
        extra["event_type_basis"] = "length of the inspection"
        version = frameworks.framework_on(text.start_date)
        framework = version.framework if version else None
        if version is not None:
            missing = [a for a in version.judgements if a not in text.judgements]
            if missing:
                raise InputError(f"page 1: no grade for {', '.join(missing)} in the "
                                 f"judgement table ({version.name} gives it)",
                                 file=path, field=missing[0])
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


def read_reports(folder: str | Path, workers: int | None = None) -> list[InspectionEvent]:
    """Read every report of a folder, in parallel; sorted by LA code, start date, file name.

    Every file must be a report: a stray file is an error, not silently skipped.
    """
    files = report_files(folder)
    workers = workers or min(len(files), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            events = list(pool.map(read_report, files, chunksize=4))
    else:
        events = [read_report(p) for p in files]
    seen: dict[str, str] = {}
    for e in events:
        if e.event_id in seen:
            raise InputError(f"same LA and publication date as {seen[e.event_id]}",
                             file=e.source_file, field="publication_date")
        seen[e.event_id] = e.source_file
    return sorted(events, key=lambda e: (e.la_code, e.start_date or date.min, e.source_file))
