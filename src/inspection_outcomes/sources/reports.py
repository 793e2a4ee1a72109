"""Adapter for the published inspection reports (PDF): one canonical record per report.

Each file of a folder is read on its own, in worker processes, within the bounds of
report_pdf (size, pages, characters, decompression, time, memory): a file or a field that
cannot be read is an anomaly, and the others go on. Layouts are in report_layouts.

The framework of a record comes from the report's own wording (an ILACS or a SIF title)
and from the framework versions in force on its first day (model/data/frameworks.csv);
where the two disagree the record has no framework and an anomaly says why. ILACS reports
do not state their publication date: it is taken from the file name
('... - 16 may 2024.pdf'), as published.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from inspection_outcomes.checks.anomalies import Anomaly
from inspection_outcomes.errors import InputError
from inspection_outcomes.model import frameworks, local_authorities
from inspection_outcomes.model.events import InspectionEvent
from inspection_outcomes.sources.report_layouts import (
    NoRecord,
    Pages,
    Problem,
    ReportText,
    read_report_text,
)
from inspection_outcomes.sources.report_text import DateError, event_type_from_days, parse_day

#: '<urn>_<la>__<report title> - 16 may 2024.pdf'
_FILE_DATE = re.compile(r"(\d{1,2})[_\s]+([a-z]+)[_\s]+(\d{4})$", re.I)
FILE_URN = re.compile(r"^(\d+)_")
#: Re-inspections under the SIF of LAs it judged inadequate ran on after ILACS began
#: (frameworks.csv: "continued into 2018"): a report that says it is a SIF inspection is one
#: when it began by a year after the SIF's last day.
SIF_RUN_ON = timedelta(days=366)
#: Event types of the reports that are not graded inspections (their wording says which).
VISITS = ("focused_visit", "monitoring_visit")
NO_RECORD = "no record from this file"


def date_from_name(path: Path) -> date | None:
    m = _FILE_DATE.search(path.stem)
    if not m:
        return None
    try:
        return parse_day(" ".join(m.groups()))
    except DateError:
        return None


def _related(a: local_authorities.LocalAuthority, b: local_authorities.LocalAuthority) -> bool:
    """One LA is the other, or its predecessor or successor (a report of Northamptonshire
    filed under North Northamptonshire's URN is not another LA's)."""
    return (
        a.la_code == b.la_code
        or b.la_code in (*a.predecessors, *a.successors)
        or a.la_code in (*b.predecessors, *b.successors)
    )


def _resolve_la(text: ReportText, path: Path) -> local_authorities.LocalAuthority:
    """The LA the report names (as it was on the inspection's last day), checked against
    the URN its file name starts with."""
    la = local_authorities.resolve(text.la_name, on=text.end_date) if text.la_name else None
    m = FILE_URN.match(path.name)
    by_urn = local_authorities.resolve_code(m.group(1)) if m else None
    if la is not None and by_urn is not None and not _related(la, by_urn):
        raise NoRecord(
            "la_mismatch",
            text.la_name,
            f"the report is about {la.name}, but its file name's URN is {by_urn.name}'s",
            page=1,
            field="la_code",
        )
    result = la or by_urn
    if result is None:
        raise NoRecord(
            "la_unknown",
            text.la_name,
            "the LA the title names is not in the LA reference table, and the file "
            "name starts with no known URN",
            page=1,
            field="la_code",
        )
    return result


def _framework(text: ReportText) -> tuple[frameworks.FrameworkVersion | None, Problem | None]:
    """The framework version: the report's wording (SIF or ILACS) and the version in force
    on its first day must agree; otherwise none, and the problem."""
    day = text.start_date or text.end_date
    if day is None:
        return None, None  # the dates are an anomaly already
    in_force = frameworks.framework_on(day)
    if text.layout == "sif":
        sif = frameworks.by_id()["sif"]
        last = (sif.effective_to or day) + SIF_RUN_ON
        if sif.effective_from <= day <= last:
            return sif, None
        found = in_force.name if in_force else "no framework"
        return None, Problem(
            "framework_contradiction",
            "framework",
            text.quotes["layout"],
            f"the report says it is a SIF inspection, but on {day} {found} was in force",
            text.pages.get("layout", 1),
        )
    if in_force is not None and in_force.is_ilacs:
        return in_force, None
    found = in_force.name if in_force else "no framework"
    return None, Problem(
        "framework_contradiction",
        "framework",
        text.quotes.get("layout", ""),
        f"the report's wording is of ILACS, but on {day} {found} was in force",
        1,
    )


def _judgement_problems(text: ReportText, version: frameworks.FrameworkVersion) -> list[Problem]:
    """Judgements the framework version gives that the report lacks, and the reverse."""
    if text.layout in VISITS:
        return []
    out = []
    for area in version.judgements:
        if (
            area not in text.judgements
            and area not in text.not_judged
            and not any(p.field == area for p in text.problems)
        ):
            out.append(
                Problem(
                    "missing_judgement",
                    area,
                    "",
                    f"no grade for {area} on the pages read ({version.name} gives it)",
                    text.pages_read,
                )
            )
    for area in text.judgements:
        if area not in version.judgements:
            out.append(
                Problem(
                    "unexpected_judgement",
                    area,
                    text.quotes.get(area, ""),
                    f"{version.name} gives no {area} judgement",
                    text.pages.get(area, 1),
                )
            )
    return out


def _event_type(text: ReportText) -> tuple[str, Problem | None]:
    if text.layout == "sif":
        return "sif_inspection", None
    if text.layout in VISITS:
        return text.layout, None
    if text.dates is None:
        return "", None
    kind = event_type_from_days(text.dates.days_on_site)
    if kind:
        return kind, None
    return "", Problem(
        "event_type_unknown",
        "event_type",
        text.quotes.get("dates", ""),
        f"{text.dates.days_on_site} days on site: neither a short (one week) "
        "nor a standard (two weeks) inspection",
        text.pages.get("dates", 1),
    )


def _publication(text: ReportText, path: Path) -> tuple[date, list[Problem]]:
    published = text.published or date_from_name(path)
    if published is None:
        raise NoRecord(
            "no_publication_date",
            path.name,
            "the report states no publication date and the file name does not "
            "end with one ('... - 16 may 2024.pdf' expected)",
            field="publication_date",
        )
    problems = []
    if text.end_date is not None and published < text.end_date:
        problems.append(
            Problem(
                "published_before_end",
                "publication_date",
                text.quotes.get("publication_date", path.name),
                f"published {published}, before the inspection ended ({text.end_date})",
                text.pages.get("publication_date", 1),
            )
        )
    return published, problems


def _extra(text: ReportText, path: Path) -> dict[str, str]:
    """Evidence: the words of each field, their page where not page 1, and what else the
    report states (the LSCB review, areas not judged)."""
    extra = {f"quote:{k}": v for k, v in text.quotes.items()}
    extra.update({f"page:{k}": str(p) for k, p in text.pages.items() if p != 1})
    if text.layout in ("ilacs",):
        extra["event_type_basis"] = "days on site"
    if text.dates is not None and len(text.dates.periods) > 1:
        extra["periods"] = ";".join(
            f"{a.isoformat()}/{b.isoformat()}" for a, b in text.dates.periods
        )
    if text.lscb:
        extra["lscb_review"] = text.lscb
    if text.not_judged:
        extra["not_judged"] = ";".join(text.not_judged)
    named = date_from_name(path)
    if named is not None:
        extra["file_publication_date"] = named.isoformat()
    return extra


def record_from_text(text: ReportText, path: Path) -> tuple[InspectionEvent, list[Problem]]:
    """The canonical record of a report whose text has been read, and its problems."""
    la = _resolve_la(text, path)
    published, problems = _publication(text, path)
    problems = [*text.problems, *problems]
    version, contradiction = _framework(text)
    if contradiction is not None:
        problems.append(contradiction)
    if version is not None:
        problems.extend(_judgement_problems(text, version))
    event_type, unknown = _event_type(text)
    if unknown is not None:
        problems.append(unknown)
    event = InspectionEvent(
        event_id=f"report:{la.ofsted_urn or la.la_code}:{published.isoformat()}",
        la_code=la.la_code,
        la_name=la.name,
        event_type=event_type,
        framework=version.framework if version else None,
        start_date=text.start_date,
        end_date=text.end_date,
        publication_date=published,
        source_file=path.name,
        source_row=1,
        report_ref=path.name,
        extra=_extra(text, path),
        **text.judgements,
    )
    return event, problems


# --- one file ----------------------------------------------------------------------------


@dataclass
class ReportOutcome:
    """What one file gave: its record (None when it could not be read) and its anomalies."""

    file: str
    event: InspectionEvent | None
    anomalies: list[Anomaly] = field(default_factory=list)


def _no_record(
    path: Path, kind: str, value: str, problem: str, page: int = 0, field: str = ""
) -> ReportOutcome:
    return ReportOutcome(
        path.name,
        None,
        [Anomaly(path.name, page, field, value, problem, effect=NO_RECORD, kind=kind)],
    )


def _read(path: Path) -> ReportOutcome:
    from inspection_outcomes.sources.report_pdf import PdfPages

    pdf = PdfPages(path)
    text = read_report_text(Pages(pdf.page))
    event, problems = record_from_text(text, path)
    if pdf.truncated:
        problems.insert(
            0,
            Problem(
                "truncated_pdf",
                "",
                "no %%EOF at the end",
                "the file is cut short: read what it holds",
                0,
            ),
        )
    return ReportOutcome(
        path.name,
        event,
        [
            Anomaly(
                path.name,
                p.page,
                p.field,
                p.value,
                p.problem,
                event.event_id,
                "the record lacks this field" if p.field and p.kind != "truncated_pdf" else "",
                kind=p.kind,
            )
            for p in problems
        ],
    )


def read_report_outcome(path: str | Path) -> ReportOutcome:
    """Read one file within the bounds; whatever goes wrong is an anomaly, never raised."""
    from pypdf.errors import LimitReachedError

    from inspection_outcomes.sources.report_pdf import ReportTimeout, bounded

    path = Path(path)
    try:
        with bounded():
            return _read(path)
    except NoRecord as e:
        return _no_record(path, e.kind, e.value, e.problem, e.page, e.field)
    except ReportTimeout:
        from inspection_outcomes.sources.report_pdf import TIME_LIMIT_S

        return _no_record(path, "time_limit", "", f"not read within {TIME_LIMIT_S:g} s")
    except MemoryError:
        return _no_record(path, "memory_limit", "", "reading it took more memory than allowed")
    except LimitReachedError as e:
        if "decompress" in str(e).lower():
            return _no_record(
                path,
                "decompression_limit",
                str(e)[:160],
                "a stream inflates beyond the limit (a decompression bomb?)",
            )
        return _no_record(
            path,
            "pdf_limit",
            str(e)[:160],
            "the PDF is beyond a limit of the reader (objects, tokens, size)",
        )
    except RecursionError:
        return _no_record(
            path, "unreadable_pdf", "RecursionError", "objects nested too deeply to read"
        )
    except OSError as e:
        return _no_record(path, "unreadable_file", str(e)[:160], "the file cannot be opened")
    except Exception as e:  # untrusted input: any failure of the PDF library
        return _no_record(
            path, "unreadable_pdf", f"{type(e).__name__}: {str(e)[:160]}", "the PDF cannot be read"
        )


def read_report(path: str | Path) -> InspectionEvent:
    """Read one published report into a canonical record; InputError when it gives none."""
    outcome = read_report_outcome(path)
    if outcome.event is None:
        a = outcome.anomalies[0]
        where = f"page {a.row}: " if a.row else ""
        raise InputError(
            f"{where}{a.problem} ({a.kind}: {a.value!r})", file=Path(path), field=a.field or None
        )
    return outcome.event


# --- a folder ----------------------------------------------------------------------------


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


def _duplicates(outcomes: list[ReportOutcome]) -> None:
    """A second file of the same LA and publication date gives no record (an anomaly)."""
    seen: dict[str, str] = {}
    for o in outcomes:
        if o.event is None:
            continue
        first = seen.setdefault(o.event.event_id, o.file)
        if first != o.file:
            published = o.event.publication_date
            o.anomalies.append(
                Anomaly(
                    o.file,
                    0,
                    "publication_date",
                    published.isoformat() if published else "",
                    f"same LA and publication date as {first}",
                    o.event.event_id,
                    NO_RECORD,
                    kind="duplicate_report",
                )
            )
            o.event = None


def _worker_start() -> None:
    from inspection_outcomes.sources.report_pdf import limit_worker

    limit_worker()


def _worker_read(path: Path) -> ReportOutcome:
    from inspection_outcomes.sources.report_pdf import limit_cpu_for_next_report

    limit_cpu_for_next_report()
    return read_report_outcome(path)


def _read_alone(path: Path) -> ReportOutcome:
    """One file in a process of its own: the file that stopped a worker is found this way."""
    try:
        with ProcessPoolExecutor(max_workers=1, initializer=_worker_start) as pool:
            return pool.submit(_worker_read, path).result()
    except BrokenProcessPool:
        return _no_record(
            path,
            "reader_stopped",
            "",
            "the process reading it ended abnormally (a CPU or memory limit?)",
        )


def _read_parallel(files: list[Path], workers: int) -> list[ReportOutcome]:
    """Read in worker processes; if one dies, the files it left unread are read alone."""
    done: dict[Path, ReportOutcome] = {}
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_worker_start) as pool:
            for path, outcome in zip(
                files, pool.map(_worker_read, files, chunksize=4), strict=False
            ):
                done[path] = outcome
    except BrokenProcessPool:
        pass
    return [done[p] if p in done else _read_alone(p) for p in files]


def read_reports(folder: str | Path, workers: int | None = None) -> ReportsRead:
    """Read every file of a folder, in parallel; records sorted by LA code, start date, file.

    One unreadable file never stops the others: it gives an anomaly (a stray file included,
    never silently skipped). Only a folder with nothing to read is an error.
    """
    files = report_files(folder)
    workers = workers or min(len(files), os.cpu_count() or 1)
    if workers > 1:
        outcomes = _read_parallel(files, workers)
    else:
        outcomes = [read_report_outcome(p) for p in files]
    _duplicates(outcomes)
    events = sorted(
        (o.event for o in outcomes if o.event is not None),
        key=lambda e: (e.la_code, e.start_date or e.end_date or date.min, e.source_file),
    )
    return ReportsRead(outcomes, events, [a for o in outcomes for a in o.anomalies])
