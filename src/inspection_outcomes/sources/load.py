"""Open a source named KIND:PATH and load its canonical records into the warehouse."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from inspection_outcomes.checks.anomalies import Anomaly
from inspection_outcomes.errors import InputError
from inspection_outcomes.model.events import COLUMNS, InspectionEvent, ddl
from inspection_outcomes.sources import SourceSpec, parse_spec
from inspection_outcomes.store.bulk import insert_rows

if TYPE_CHECKING:
    from inspection_outcomes.checks.history import History

#: The D2I scrape holds graded inspections only: no focused or monitoring visits.
D2I_HOLDS = ("standard_inspection", "short_inspection", "sif_inspection", "cpi_inspection")
#: A folder of inspection reports holds the graded inspections whose reports it has (and the
#: focused or monitoring visits whose letters it has, when it has any).
REPORTS_HOLD = D2I_HOLDS
VISIT_TYPES = ("focused_visit", "monitoring_visit")


@dataclass
class LoadedSource:
    """A source's records (small sources) or a file DuckDB reads directly (large ones)."""

    spec: SourceSpec
    anomalies: list[Anomaly] = field(default_factory=list)
    records: list[InspectionEvent] | None = None
    canonical_file: Path | None = None
    la_table: Path | None = None  # a simulated country's own LA table
    #: (event_id, field, value as the source wrote it) where it differs from the canonical value
    source_values: list[tuple[str, str, str]] = field(default_factory=list)
    simulated: bool = False
    #: Event types the source can hold; None: every type of the canonical schema.
    holds: tuple[str, ...] | None = None
    #: How reports and additions were combined with the records (checks.history), if they were.
    history: History | None = None

    @property
    def input_files(self) -> list[Path]:
        if self.spec.path.is_dir():
            return sorted(p for p in self.spec.path.rglob("*") if p.is_file())
        return [self.spec.path]

    def load_into(self, con: duckdb.DuckDBPyConnection, table: str = "events") -> None:
        """Make `table`: the canonical columns, plus `event_row`, each record's position in
        the source as loaded (how the compact event facts point back to a record)."""
        if self.canonical_file is not None:
            from inspection_outcomes.sources.canonical import load_canonical

            load_canonical(con, self.canonical_file, table)
        else:
            con.execute(ddl(table))
            con.execute(f"ALTER TABLE {table} ADD COLUMN event_row BIGINT")
            insert_rows(con, table, [(*e.as_row(), i) for i, e in enumerate(self.records or [])])
        con.execute(
            "CREATE OR REPLACE TABLE source_values (event_id VARCHAR, field VARCHAR, value VARCHAR)"
        )
        if self.source_values:
            insert_rows(con, "source_values", self.source_values)

    def raise_first_invalid(self, con: duckdb.DuckDBPyConnection) -> None:
        """Raise the error naming the first value the canonical schema does not allow, as
        the source's own checker finds it (row and field as the source numbers them)."""
        if self.canonical_file is not None:
            from inspection_outcomes.sources.canonical import raise_first_invalid

            raise_first_invalid(con, self.canonical_file)

    def events(self) -> list[InspectionEvent]:
        """The records as Python objects (reads the file for canonical sources)."""
        if self.records is not None:
            return list(self.records)
        con = duckdb.connect()
        self.load_into(con)
        cur = con.execute(f"SELECT {', '.join(COLUMNS)} FROM events ORDER BY event_id")
        return [InspectionEvent(**dict(zip(COLUMNS, row, strict=True))) for row in cur.fetchall()]


def load_la_source(text: str) -> LoadedSource:
    """Open an LA source: d2i:CSV, canonical:CSV|PARQUET, reports:DIR, simulated:DIR."""
    spec = parse_spec(text)
    if spec.kind == "d2i":
        from inspection_outcomes.sources.d2i import read_d2i

        if spec.path.is_dir():
            raise InputError("a D2I history CSV file expected, not a folder", file=spec.path)
        records, anomalies, raw = read_d2i(spec.path)
        return LoadedSource(spec, anomalies, records=records, source_values=raw, holds=D2I_HOLDS)
    if spec.kind == "canonical":
        return LoadedSource(spec, canonical_file=spec.path)
    if spec.kind == "simulated":
        events = spec.path / "events.parquet"
        if not events.is_file():
            raise InputError("not a simulated data folder: events.parquet missing", file=spec.path)
        las = [
            p
            for p in (spec.path / "local_authorities.parquet", spec.path / "local_authorities.csv")
            if p.is_file()
        ]
        return LoadedSource(
            spec, canonical_file=events, la_table=las[0] if las else None, simulated=True
        )
    if spec.kind == "reports":
        from inspection_outcomes.sources.reports import read_reports

        read = read_reports(spec.path)
        visits = tuple(t for t in VISIT_TYPES if any(e.event_type == t for e in read.events))
        return LoadedSource(spec, read.anomalies, records=read.events, holds=REPORTS_HOLD + visits)
    raise InputError(f"unknown source kind '{spec.kind}'")
