"""The DuckDB warehouse: reference tables, the source's records (corrected), and the SQL models.

The rules live in store/models/*.sql, one readable file per concept, run in file-name order.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from inspection_outcomes.checks.corrections import Application, Correction, apply_corrections
from inspection_outcomes.errors import InputError
from inspection_outcomes.model.frameworks import ILACS_AREAS, framework_versions
from inspection_outcomes.model.reference import data_path
from inspection_outcomes.model.scale import JUDGEMENTS
from inspection_outcomes.sources.load import LoadedSource
from inspection_outcomes.store.bulk import insert_rows

LA_COLUMNS = ("la_code", "old_la_code", "ofsted_urn", "name", "region", "valid_from",
              "valid_to", "predecessors", "successors")


def model_files() -> list[Path]:
    folder = resources.files("inspection_outcomes.store").joinpath("models")
    return sorted((Path(str(p)) for p in folder.iterdir() if p.name.endswith(".sql")),
                  key=lambda p: p.name)


def _load_local_authorities(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in LA_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"not an LA table: missing column(s) {', '.join(missing)}",
                             file=path)
        rows = [tuple(r[c] or None for c in LA_COLUMNS) for r in reader]
    con.execute("""CREATE OR REPLACE TABLE local_authorities (
        la_code VARCHAR PRIMARY KEY, old_la_code VARCHAR, ofsted_urn VARCHAR, name VARCHAR,
        region VARCHAR, valid_from DATE, valid_to DATE, predecessors VARCHAR,
        successors VARCHAR)""")
    insert_rows(con, "local_authorities", rows)


def _load_reference(con: duckdb.DuckDBPyConnection, la_table: Path | None) -> None:
    _load_local_authorities(con, la_table or data_path("local_authorities.csv"))
    con.execute("""CREATE OR REPLACE TABLE frameworks (framework VARCHAR, name VARCHAR,
        effective_from DATE, effective_to DATE, judgements VARCHAR[],
        graded_event_types VARCHAR[])""")
    for f in framework_versions():
        con.execute("INSERT INTO frameworks VALUES (?, ?, ?, ?, ?, ?)",
                    [f.framework, f.name, f.effective_from, f.effective_to, list(f.judgements),
                     list(f.graded_event_types)])
    con.execute("CREATE OR REPLACE TABLE judgement_areas (area VARCHAR, position INTEGER)")
    insert_rows(con, "judgement_areas", [(a, i) for i, a in enumerate(ILACS_AREAS, 1)])
    con.execute("CREATE OR REPLACE TABLE judgement_scale (judgement VARCHAR, rank INTEGER)")
    insert_rows(con, "judgement_scale", [(j, i) for i, j in enumerate(JUDGEMENTS, 1)])


class Warehouse:
    """An in-memory DuckDB holding one source's records, corrected, with the models run."""

    def __init__(self, source: LoadedSource, corrections: list[Correction] | None = None,
                 threads: int | None = None) -> None:
        self.source = source
        self.con = duckdb.connect(config={"threads": threads} if threads else {})
        _load_reference(self.con, source.la_table)
        source.load_into(self.con)
        unknown = self.con.execute(
            "SELECT e.la_code, min(e.source_file), min(e.source_row) FROM events e "
            "ANTI JOIN local_authorities l ON l.la_code = e.la_code GROUP BY 1 ORDER BY 3 "
            "LIMIT 1").fetchone()
        if unknown:
            raise InputError(f"unknown local authority code '{unknown[0]}' (not in the LA "
                             "reference table)", file=unknown[1], row=unknown[2],
                             field="la_code")
        self.applications: list[Application] = (
            apply_corrections(self.con, corrections) if corrections else [])
        for sql_file in model_files():
            self.con.execute(sql_file.read_text(encoding="utf-8"))

    def rows(self, sql: str, params: Sequence[object] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def value(self, sql: str, params: Sequence[object] | None = None) -> Any:
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None
