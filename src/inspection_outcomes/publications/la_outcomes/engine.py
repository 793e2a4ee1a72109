"""From a source and a release spec to figures and release content (the engine's front door)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspection_outcomes.checks.additions import read_additions
from inspection_outcomes.checks.anomalies import Anomaly
from inspection_outcomes.checks.corrections import Application, read_ledger
from inspection_outcomes.checks.history import History, combine
from inspection_outcomes.core.content import ReleaseContent, ReleaseMeta
from inspection_outcomes.core.sentences import join_names
from inspection_outcomes.publications.la_outcomes.figures import compute_figures
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from inspection_outcomes.publications.la_outcomes.tables import build_tables
from inspection_outcomes.sources.load import LoadedSource, load_la_source
from inspection_outcomes.sources.report_cache import reports_records
from inspection_outcomes.store.inspections import Warehouse


@dataclass
class EngineRun:
    source: LoadedSource
    warehouse: Warehouse
    spec: ReleaseSpec
    figures: dict[str, Any]

    @property
    def anomalies(self) -> list[Anomaly]:
        return self.source.anomalies

    @property
    def corrections(self) -> list[Application]:
        return self.warehouse.applications


def load_history(
    source: str, reports: Path | None = None, additions: Path | None = None
) -> LoadedSource:
    """The source's records, combined with those read from reports and the additions
    ledger where given (precedence: checks.history)."""
    loaded = load_la_source(source)
    if reports is None and additions is None:
        return loaded
    events, anomalies = reports_records(reports) if reports else (None, [])
    added = read_additions(additions) if additions else []
    return combine(loaded, events, anomalies, added, History(reports, additions))


def open_warehouse(
    source: str,
    corrections: Path | None = None,
    *,
    reports: Path | None = None,
    additions: Path | None = None,
) -> Warehouse:
    """Load the source (with reports and additions), apply the corrections ledger and run
    the models (no figures yet: what reads the records alone, such as an LA's profile,
    need not wait for them)."""
    loaded = load_history(source, reports, additions)
    ledger = read_ledger(corrections) if corrections else None
    return Warehouse(loaded, ledger)


def run_engine(
    source: str,
    spec: ReleaseSpec,
    corrections: Path | None = None,
    *,
    reports: Path | None = None,
    additions: Path | None = None,
) -> EngineRun:
    """Load the source, apply the corrections ledger, run the models, compute the figures."""
    wh = open_warehouse(source, corrections, reports=reports, additions=additions)
    loaded = wh.source
    figures = compute_figures(wh, spec)
    figures["simulated"] = loaded.simulated
    figures["corrections_applied"] = sum(1 for a in wh.applications if a.applied)
    figures["anomalies"] = len(loaded.anomalies)
    if loaded.history is not None:
        figures["notes"] = [*figures.get("notes", []), history_note(loaded.history)]
    return EngineRun(loaded, wh, spec, figures)


def history_note(history: History) -> str:
    """What the records combine, for the methodology (the QA report lists each record)."""
    c = history.counts()
    parts = []
    if history.reports is not None:
        parts.append(
            f"{c['reports_replacing_fields'] + c['reports_agreeing'] + c['reports_added']} "
            f"published reports ({c['reports_replacing_fields']} giving values the history "
            f"lacked or held wrongly, {c['reports_added']} of inspections it lacked)"
        )
    if c["reports_not_graded"]:
        parts.append(
            f"{c['reports_not_graded']} report{'' if c['reports_not_graded'] == 1 else 's'} "
            "of no graded inspection (the figures leave out the scraped record of each)"
        )
    if history.additions_file is not None:
        parts.append(f"{len(history.additions)} secondary-source records from the additions ledger")
    return (
        "The inspection records combine the inspection history with "
        + join_names(parts)
        + ": a correction comes first, then the inspection's own report, then the history. "
        "The quality assurance report lists each record."
    )


def title_for(spec: ReleaseSpec) -> str:
    return (
        f"Local authority inspection outcomes as at {spec.as_at.day} {spec.as_at.strftime('%B %Y')}"
    )


def build_release_content(
    run: EngineRun,
    *,
    producer: str | None = None,
    assurer: str | None = None,
    publication_date: str | None = None,
) -> ReleaseContent:
    """Figures plus the three datasets of the underlying data."""
    meta = ReleaseMeta(
        title=title_for(run.spec) + (" (simulated data)" if run.source.simulated else ""),
        release_kind="la",
        simulated=run.source.simulated,
        producer=producer,
        assurer=assurer,
        publication_date=publication_date,
        provisional=run.spec.provisional,
        source_description=str(run.source.spec),
        notes=list(run.figures.get("notes", [])),
    )
    return ReleaseContent(
        meta=meta, figures=run.figures, tables=build_tables(run.warehouse, run.spec)
    )
