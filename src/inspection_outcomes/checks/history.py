"""The history complete: the scraped records, the records read from the reports, and the
additions ledger, combined with one precedence.

For the same inspection (same LA, and the same publication date, else the same dates: as
`report_checks.match`), the report's own values beat the scraped row: its type, framework,
dates and every judgement of its judgements table (a judgement the report does not give is
none, even where the scrape wrote one), except a field the report could not be read for,
which keeps the scraped value. The record keeps the scraped row's identifier and
publication date, and the scraped values stay as the values the source wrote, so a
correction in the ledger, checked against them, beats both. A report of an inspection the
scrape lacks is added as its own record. A report that is not of a graded inspection
(`not_a_graded_report`: an inspection of looked after children services, an LSCB-only
review) settles the scraped row of the same file: the row is no graded inspection, so it
leaves the figures, with its anomalies marked so. A row of the additions ledger (neither
source holds it) is added last, and must not be an inspection either source holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from inspection_outcomes.checks.additions import Addition
from inspection_outcomes.checks.anomalies import Anomaly
from inspection_outcomes.checks.report_checks import match, text
from inspection_outcomes.errors import InputError
from inspection_outcomes.model import local_authorities
from inspection_outcomes.model.events import JUDGEMENT_COLUMNS, InspectionEvent
from inspection_outcomes.sources.load import LoadedSource
from inspection_outcomes.sources.reports import FILE_URN, date_from_name

#: Fields a report's record gives the combined record (publication date stays the scrape's).
REPORT_GIVES = ("event_type", "framework", "start_date", "end_date", *JUDGEMENT_COLUMNS)


@dataclass(frozen=True)
class FromReport:
    """What one report did to the history: replaced fields of a scraped row, or added."""

    report: str
    record: str
    action: str  # "replaced", "agreed", "added" or "not_graded"
    fields: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "report": self.report,
            "record": self.record,
            "action": self.action,
            "fields": list(self.fields),
        }


@dataclass
class History:
    """How the combined records were made (the QA report shows it)."""

    reports: Path | None
    additions_file: Path | None
    from_reports: list[FromReport] = field(default_factory=list)
    additions: list[Addition] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "reports_replacing_fields": sum(1 for r in self.from_reports if r.action == "replaced"),
            "reports_agreeing": sum(1 for r in self.from_reports if r.action == "agreed"),
            "reports_added": sum(1 for r in self.from_reports if r.action == "added"),
            "reports_not_graded": sum(1 for r in self.from_reports if r.action == "not_graded"),
        }


def _unreadable(anomalies: list[Anomaly]) -> set[tuple[str, str]]:
    """(record, field) of the report fields that could not be read."""
    return {(a.record, a.field) for a in anomalies if a.record and a.field}


def _file_probe(anomaly: Anomaly) -> InspectionEvent | None:
    """The LA and publication date a report's file name gives (`<urn>_<la>__<title>.pdf`),
    as a record `match` can find the scraped row of; None where the name gives neither."""
    urn, published = FILE_URN.match(anomaly.file), date_from_name(Path(anomaly.file))
    la = local_authorities.resolve_code(urn.group(1)) if urn else None
    if la is None or published is None:
        return None
    return InspectionEvent(anomaly.file, la.la_code, la.name, "", None, None, None, published)


def _settle_not_graded(
    records: list[InspectionEvent], anomalies: list[Anomaly], history: History
) -> list[Anomaly]:
    """Scraped rows whose own report is not of a graded inspection leave the figures (their
    type is emptied, as the scrape's unknown types are); the report's anomaly says which."""
    out = []
    for a in anomalies:
        probe = _file_probe(a) if a.kind == "not_a_graded_report" else None
        found = match(probe, records) if probe else None
        if found is None or found.event_id.startswith("report:"):
            out.append(a)
            continue
        i = records.index(found)
        records[i] = replace(found, event_type="", framework=None, report_ref=a.file)
        history.from_reports.append(FromReport(a.file, found.event_id, "not_graded"))
        out.append(
            replace(a, effect=f"{a.effect}; the scraped record {found.event_id} is left out")
        )
    return out


def _merge(
    row: InspectionEvent, report: InspectionEvent, skip: set[tuple[str, str]]
) -> tuple[InspectionEvent, list[str], list[tuple[str, str, str]]]:
    """The scraped row with the report's values; the fields changed; the scraped values
    of those fields (what a correction is checked against)."""
    changes: dict[str, object] = {}
    for f in REPORT_GIVES:
        if (report.event_id, f) in skip:
            continue
        new, old = getattr(report, f), getattr(row, f)
        if new != old and not (new is None and old in (None, "")):
            changes[f] = new
    merged = replace(
        row,
        **changes,  # type: ignore[arg-type]
        source_file=report.source_file,
        source_row=report.source_row,
        report_ref=report.report_ref or report.source_file,
    )
    merged.extra = dict(report.extra)
    return merged, sorted(changes), [(row.event_id, f, text(getattr(row, f))) for f in changes]


def combine(
    base: LoadedSource,
    reports: list[InspectionEvent] | None,
    report_anomalies: list[Anomaly],
    additions: list[Addition],
    history: History,
) -> LoadedSource:
    """The base source's records with the reports' and the additions' (see the module)."""
    if base.records is None:
        raise InputError(
            "--reports and --additions combine with a d2i: source (its records are read here)"
        )
    records = list(base.records)
    by_id = {r.event_id: i for i, r in enumerate(records)}
    written = {(e, f) for e, f, _ in base.source_values}
    source_values = list(base.source_values)
    skip = _unreadable(report_anomalies)
    taken: set[str] = set()
    for report in sorted(reports or [], key=lambda e: e.event_id):
        if report.event_type not in (base.holds or ()):
            continue  # visits: the scrape holds none, so the figures do not count them
        found = match(report, (r for r in base.records if r.event_id not in taken))
        if found is None:
            records.append(report)
            by_id[report.event_id] = len(records) - 1
            history.from_reports.append(FromReport(report.source_file, report.event_id, "added"))
            continue
        taken.add(found.event_id)
        merged, changed, scraped = _merge(found, report, skip)
        records[by_id[found.event_id]] = merged
        source_values += [v for v in scraped if (v[0], v[1]) not in written]
        history.from_reports.append(
            FromReport(
                report.source_file,
                found.event_id,
                "replaced" if changed else "agreed",
                tuple(changed),
            )
        )
    for a in additions:
        e = a.event
        held = match(e, records)
        if held is not None or e.event_id in by_id:
            raise InputError(
                f"the addition is an inspection a source holds ({(held or e).event_id})",
                file=history.additions_file,
                row=a.ledger_row,
                field="record",
            )
        records.append(e)
    history.additions = list(additions)
    report_anomalies = _settle_not_graded(records, report_anomalies, history)
    reported = {r.record: r for r in history.from_reports if r.action != "added"}
    anomalies = [
        _superseded(a, reported[a.record]) if a.record in reported else a for a in base.anomalies
    ]
    return replace(
        base,
        anomalies=[*anomalies, *report_anomalies],
        records=records,
        source_values=source_values,
        history=history,
    )


def _superseded(anomaly: Anomaly, by: FromReport) -> Anomaly:
    """A scraped anomaly its report settles, marked with how."""
    if by.action == "not_graded":
        effect = f"superseded: its report ({by.report}) is not of a graded inspection: left out"
    else:
        effect = f"superseded: the record's values come from its report ({by.report})"
    return replace(anomaly, effect=effect)
