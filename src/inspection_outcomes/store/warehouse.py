"""The DuckDB warehouse: reference tables, the source's records (corrected), and the SQL models.

The rules live in store/models/*.sql, one readable file per concept, run in file-name order.
"""

from __future__ import annotations

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
    """The LA table, read by DuckDB (a simulated country may have a million LAs)."""
    p = str(path).replace("'", "''")
    try:
        header = [r[0] for r in con.execute(
            f"DESCRIBE SELECT * FROM read_csv('{p}', header=true, all_varchar=true)").fetchall()]
    except duckdb.Error as e:
        raise InputError(f"cannot be read as CSV: {str(e).splitlines()[0]}", file=path) from None
    missing = [c for c in LA_COLUMNS if c not in header]
    if missing:
        raise InputError(f"not an LA table: missing column(s) {', '.join(missing)}", file=path)
    dates = ("valid_from", "valid_to")
    cols = ", ".join(f"TRY_CAST(NULLIF({c}, '') AS DATE) AS {c}" if c in dates
                     else f"NULLIF({c}, '') AS {c}" for c in LA_COLUMNS)
    con.execute(f"CREATE OR REPLACE TABLE local_authorities AS SELECT {cols} FROM "
                f"read_csv('{p}', header=true, all_varchar=true)")


def _load_reference(con: duckdb.DuckDBPyConnection, la_table: Path | None) -> None:
    _load_local_authorities(con, la_table or data_path("local_authorities.csv"))
    con.execute("""CREATE OR REPLACE TABLE frameworks (framework VARCHAR, name VARCHAR,
        effective_from DATE, effective_to DATE, judgements VARCHAR[],
        graded_event_types VARCHAR[])""")
    for f in framework_versions():
        con.execute("INSERT INTO frameworks VALUES (?, ?, ?, ?, ?, ?)",
                    [f.framework, f.name, f.effective_from, f.effective_to, list(f.judgements),
                     list(f.graded_event_types)])
    # framework_on(day): the framework version in force on a day, from the same table (a
    # scalar macro, so ten million events need no join to find their version).
    cases = " ".join(
        f"WHEN day BETWEEN DATE '{f.effective_from}' AND DATE "
        f"'{f.effective_to or '9999-12-31'}' THEN '{f.framework}'" for f in framework_versions())
    con.execute(f"CREATE OR REPLACE MACRO framework_on(day) AS CASE {cases} END")
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
        if corrections and self.value(
                "SELECT table_type FROM information_schema.tables WHERE table_name = 'events'"
        ) == "VIEW":
            # corrections change records: bring the file's records into a table first
            self.con.execute("CREATE TABLE events_corrected AS SELECT * FROM events; "
                             "DROP VIEW events; ALTER TABLE events_corrected RENAME TO events")
        self.applications: list[Application] = (
            apply_corrections(self.con, corrections) if corrections else [])
        for sql_file in model_files():
            self.con.execute(sql_file.read_text(encoding="utf-8"))

    def snapshot(self, as_at: object, cutoff: object) -> None:
        """Make `as_at_snapshot`: every LA existing at the date with its most recent
        judgements (model la_as_at), once per date, for the as-at summaries to count."""
        if getattr(self, "_snapshot", None) != (as_at, cutoff):
            self.con.execute("CREATE OR REPLACE TABLE as_at_snapshot AS "
                             "SELECT * FROM la_as_at(?, ?)", [as_at, cutoff])
            self._snapshot = (as_at, cutoff)

    def period_snapshot(self, start: object, end: object, cutoff: object,
                        graded: bool = True) -> None:
        """Make the in-year snapshots (events, focused visits and, unless only the visits
        are wanted, graded inspections) of a period, once, for the in-year summaries."""
        if getattr(self, "_period", None) != (start, end, cutoff, graded):
            args = [start, end, cutoff]
            self.con.execute("CREATE OR REPLACE TABLE in_year_snapshot AS "
                             "SELECT * FROM in_year_events(?, ?, ?)", args)
            self.con.execute("CREATE OR REPLACE TABLE in_year_focused_snapshot AS "
                             "SELECT * FROM in_year_focused_visits(?)", [cutoff])
            if graded:
                self.con.execute("CREATE OR REPLACE TABLE in_year_graded_snapshot AS "
                                 "SELECT * FROM in_year_graded(?, ?, ?)", args)
            self._period = (start, end, cutoff, graded)

    def rows(self, sql: str, params: Sequence[object] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def value(self, sql: str, params: Sequence[object] | None = None) -> Any:
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None
