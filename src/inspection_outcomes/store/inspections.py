"""The DuckDB warehouse: reference tables, the source's records (corrected), and the SQL models.

The models live in store/models/inspections/, one readable file for each thing they make, in
layers (staging, rules, summaries) run in the order of store/layers.py. Macros and types that
restate reference data (framework versions, the judgement scale) are generated here from that
data, so each fact has one home.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from inspection_outcomes.checks.corrections import Application, Correction, apply_corrections
from inspection_outcomes.errors import InputError
from inspection_outcomes.model.events import JUDGEMENT_COLUMNS
from inspection_outcomes.model.frameworks import (
    EVENT_TYPES,
    framework_versions,
    in_change_comparison,
)
from inspection_outcomes.model.reference import data_path
from inspection_outcomes.model.scale import JUDGEMENTS
from inspection_outcomes.sources.load import LoadedSource
from inspection_outcomes.store.layers import run_models

LA_COLUMNS = (
    "la_code",
    "old_la_code",
    "ofsted_urn",
    "name",
    "region",
    "valid_from",
    "valid_to",
    "predecessors",
    "successors",
)
#: Records from which duplicate identifiers are found by sorting hashes, not grouping text.
LARGE_SOURCE = 1_000_000
#: The LA table's columns the rules read (a simulated country has a million rows).
LA_COLUMNS_READ = ("la_code", "old_la_code", "name", "region", "valid_from", "valid_to")


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _sql_date(day: date) -> str:
    return f"DATE '{day.isoformat()}'"


def _sql_list(values: Sequence[str]) -> str:
    return ", ".join(_sql_text(v) for v in values)


def _load_local_authorities(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """The LA table (CSV or Parquet), read by DuckDB: a simulated country may have a million
    LAs. `la_id`, the row's position, is the compact key the event facts carry. Parquet
    with the types the rules read stays in its file (a view: DuckDB reads just the columns
    each rule needs); any other file is read into a table."""
    p = str(path).replace("'", "''")
    parquet = path.suffix.lower() == ".parquet"
    scan = (
        f"read_parquet('{p}', file_row_number=true)"
        if parquet
        else f"read_csv('{p}', header=true, all_varchar=true)"
    )
    try:
        types = {r[0]: str(r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM {scan}").fetchall()}
    except duckdb.Error as e:
        raise InputError(
            f"cannot be read as {'Parquet' if parquet else 'CSV'}: {str(e).splitlines()[0]}",
            file=path,
        ) from None
    missing = [c for c in LA_COLUMNS if c not in types]
    if missing:
        raise InputError(f"not an LA table: missing column(s) {', '.join(missing)}", file=path)

    def typ(c: str) -> str:
        return "DATE" if c in ("valid_from", "valid_to") else "VARCHAR"

    def column(c: str) -> str:
        """As stored when Parquet holds the type; else the text, empty as NULL."""
        if parquet and types[c] == typ(c):
            return c
        text = f"NULLIF(CAST({c} AS VARCHAR), '')"
        return f"{text if typ(c) == 'VARCHAR' else f'TRY_CAST({text} AS DATE)'} AS {c}"

    cols = ", ".join(column(c) for c in LA_COLUMNS_READ)
    if parquet:
        kind = "VIEW" if all(types[c] == typ(c) for c in LA_COLUMNS_READ) else "TABLE"
        con.execute(
            f"CREATE OR REPLACE {kind} local_authorities AS SELECT "
            f"CAST(file_row_number AS INTEGER) AS la_id, {cols} FROM {scan}"
        )
    else:
        con.execute(f"CREATE OR REPLACE TEMP TABLE la_read AS SELECT {cols} FROM {scan}")
        con.execute(
            "CREATE OR REPLACE TABLE local_authorities AS "
            "SELECT CAST(rowid AS INTEGER) AS la_id, * FROM la_read; DROP TABLE la_read"
        )


def _by_hash(name: str, values: Sequence[str], codes: Sequence[int], other: str) -> str:
    """A macro reading a text as a number by its hash: fast on the dictionary-encoded columns
    of Parquet, and exact because every value is checked against the allowed ones first
    (Warehouse._check_records) and the allowed values' hashes differ (checked here)."""
    return (
        f"CREATE OR REPLACE MACRO {name}(text) AS CASE hash(text) "
        + " ".join(
            f"WHEN hash({_sql_text(v)}) THEN {c}" for v, c in zip(values, codes, strict=True)
        )
        + f" ELSE {other} END"
    )


def _check_hashes_differ(con: duckdb.DuckDBPyConnection, values: Sequence[str]) -> None:
    each = ", ".join(f"hash({_sql_text(v)})" for v in values)
    hashes = con.execute(f"SELECT list_distinct([{each}, hash(''), hash(NULL)])").fetchone()
    assert hashes is not None and len(hashes[0]) == len(values) + 2, "hash collision"


def _framework_macros(con: duckdb.DuckDBPyConnection) -> None:
    """Scalar macros over the framework versions, so ten million events need no join.

    framework_on(day): the framework version in force on a day. An event's kind is its
    (framework version, event type) pair as one number, framework_index * (number of event
    types) + event_type_index; what a kind is (of an ILACS version, a graded inspection, one
    giving overall effectiveness, ...) is a bit in a mask made here from the table, and
    kind_event_type(kind) gives its event type back."""
    versions = framework_versions()
    names = [f.framework for f in versions]
    cases = " ".join(
        f"WHEN day BETWEEN DATE '{f.effective_from}' AND DATE "
        f"'{f.effective_to or '9999-12-31'}' THEN '{f.framework}'"
        for f in versions
    )
    con.execute(f"CREATE OR REPLACE MACRO framework_on(day) AS CASE {cases} END")
    _check_hashes_differ(con, names)
    _check_hashes_differ(con, EVENT_TYPES)
    con.execute(_by_hash("framework_index", names, range(len(names)), "NULL"))
    con.execute(_by_hash("event_type_index", EVENT_TYPES, range(len(EVENT_TYPES)), "NULL"))
    con.execute(
        "CREATE OR REPLACE MACRO event_kind(framework_index, event_type_index) AS "
        f"CAST(framework_index * {len(EVENT_TYPES)} + event_type_index AS SMALLINT)"
    )
    con.execute(
        "CREATE OR REPLACE MACRO kind_framework(kind) AS "
        f"[{_sql_list(names)}][kind // {len(EVENT_TYPES)} + 1]"
    )
    con.execute(
        "CREATE OR REPLACE MACRO kind_event_type(kind) AS CAST("
        f"[{_sql_list(EVENT_TYPES)}][kind % {len(EVENT_TYPES)} + 1] AS event_type_name)"
    )

    def mask(test: Any) -> int:
        return sum(
            1 << (v * len(EVENT_TYPES) + t)
            for v, f in enumerate(versions)
            for t, event_type in enumerate(EVENT_TYPES)
            if test(f, event_type)
        )

    def graded(f: Any, event_type: str) -> bool:
        return event_type in f.graded_event_types

    kinds = {
        "in_ilacs": lambda f, t: f.is_ilacs,
        "is_graded": graded,
        "gives_overall": lambda f, t: graded(f, t) and "overall_effectiveness" in f.judgements,
        "is_ilacs_graded": lambda f, t: graded(f, t) and f.is_ilacs,
        "gives_care_leavers": lambda f, t: (
            graded(f, t) and f.is_ilacs and "care_leavers" in f.judgements
        ),
        # change since an earlier inspection: only versions the methodology allows to be
        # compared (model.frameworks.comparable, the one place that decides)
        "in_change_comparison": lambda f, t: graded(f, t) and in_change_comparison(f),
    }
    for name, test in kinds.items():
        # (NULL for a record with no kind: every rule tests these in WHERE, FILTER or
        # CASE WHEN, which read NULL as false; a coalesce would cost an operation a record)
        con.execute(f"CREATE OR REPLACE MACRO {name}(kind) AS ({mask(test)} >> kind) & 1 = 1")


def _judgement_macros(con: duckdb.DuckDBPyConnection) -> None:
    """The judgement scale as codes: judgement_code(text) is 1 (outstanding) to 4
    (inadequate), 0 for none; judgement_name(code) turns a code back (NULL for 0)."""
    con.execute(f"CREATE TYPE judgement AS ENUM ({_sql_list(JUDGEMENTS)})")
    _check_hashes_differ(con, JUDGEMENTS)
    con.execute(_by_hash("judgement_code", JUDGEMENTS, range(1, len(JUDGEMENTS) + 1), "0"))
    names = " ".join(f"WHEN {i} THEN {_sql_text(j)}" for i, j in enumerate(JUDGEMENTS, 1))
    con.execute(
        f"CREATE OR REPLACE MACRO judgement_name(code) AS CAST(CASE code {names} END AS judgement)"
    )


def _load_reference(con: duckdb.DuckDBPyConnection, la_table: Path | None) -> None:
    _load_local_authorities(con, la_table or data_path("local_authorities.csv"))
    reference_macros(con)


def reference_macros(con: duckdb.DuckDBPyConnection) -> None:
    """The framework versions' table, and the types and macros made from the reference data
    that the models use (a rule's own test makes them too, without the LA table)."""
    con.execute("""CREATE OR REPLACE TABLE frameworks (framework VARCHAR, name VARCHAR,
        effective_from DATE, effective_to DATE, judgements VARCHAR[],
        graded_event_types VARCHAR[])""")
    for f in framework_versions():
        con.execute(
            "INSERT INTO frameworks VALUES (?, ?, ?, ?, ?, ?)",
            [
                f.framework,
                f.name,
                f.effective_from,
                f.effective_to,
                list(f.judgements),
                list(f.graded_event_types),
            ],
        )
    con.execute(f"CREATE TYPE event_type_name AS ENUM ({_sql_list(EVENT_TYPES)})")
    _framework_macros(con)
    _judgement_macros(con)


def _value_checks() -> list[str]:
    """SQL conditions over `events`, each true for a value the canonical schema does not
    allow (the event facts read values by their hashes, which is exact only for these)."""
    allowed = {
        "event_type": EVENT_TYPES,
        "framework": tuple(f.framework for f in framework_versions()),
        **{c: JUDGEMENTS for c in JUDGEMENT_COLUMNS},
    }
    return [
        *(f"{c} NOT IN ('', {_sql_list(values)})" for c, values in allowed.items()),
        "event_id IS NULL OR event_id = ''",
        "la_code IS NULL OR la_code = ''",
        "end_date < start_date",
    ]


class Warehouse:
    """An in-memory DuckDB holding one source's records, corrected, with the models run."""

    def __init__(
        self,
        source: LoadedSource,
        corrections: list[Correction] | None = None,
        threads: int | None = None,
    ) -> None:
        self.source = source
        self.con = duckdb.connect(config={"threads": threads} if threads else {})
        self.con.execute("SET enable_progress_bar = false")
        _load_reference(self.con, source.la_table)
        source.load_into(self.con)
        if (
            corrections
            and self.value(
                "SELECT table_type FROM information_schema.tables WHERE table_name = 'events'"
            )
            == "VIEW"
        ):
            # corrections change records: bring the file's records into a table first
            self.con.execute(
                "CREATE TABLE events_corrected AS SELECT * FROM events; "
                "DROP VIEW events; ALTER TABLE events_corrected RENAME TO events"
            )
        self.applications: list[Application] = (
            apply_corrections(self.con, corrections) if corrections else []
        )
        run_models(self.con, "inspections")
        self._check_records()

    def _check_records(self) -> None:
        """Every value one the canonical schema allows, every LA known, every identifier
        used once; else the first problem, named by file, row and field. Each check is a
        count over one column (Parquet answers those from its dictionaries), then the
        event facts (staging/03_event_facts), which one pass over the source has made."""
        checks = " UNION ALL ".join(
            f"SELECT count(*) AS n FROM events WHERE {c}" for c in _value_checks()
        )
        if self.value(f"SELECT sum(n) FROM ({checks})"):
            self.source.raise_first_invalid(self.con)
            first = self.con.execute(
                "SELECT source_file, source_row FROM events WHERE "
                + " OR ".join(f"({c})" for c in _value_checks())
                + " ORDER BY event_row LIMIT 1"
            ).fetchone() or (None, None)
            raise InputError(
                "a value the canonical schema does not allow", file=first[0], row=first[1]
            )
        unknown = self.con.execute(
            "SELECT la_code, source_file, source_row FROM events WHERE event_row = "
            "(SELECT min(event_row) FROM event_facts WHERE la_id IS NULL)"
        ).fetchone()
        if unknown:
            raise InputError(
                f"unknown local authority code '{unknown[0]}' (not in the LA reference table)",
                file=unknown[1],
                row=unknown[2],
                field="la_code",
            )
        self._check_unique_identifiers()

    def _check_unique_identifiers(self) -> None:
        """No event_id twice. A small source groups its identifiers. A large one sorts their
        hashes (numpy sorts ten million in a fraction of a second, where grouping strings
        takes seconds), then compares the records whose hashes meet by their identifiers,
        since different identifiers can share a hash."""
        first_duplicate = """
            SELECT e.event_id, min(e.source_file) AS file
            FROM events AS e {where}
            GROUP BY e.event_id HAVING count(*) > 1
            ORDER BY min(e.event_row) LIMIT 1"""
        if self.value("SELECT count(*) FROM event_facts") < LARGE_SOURCE:
            duplicate = self.con.execute(first_duplicate.format(where="")).fetchone()
        else:
            import numpy as np  # only here: importing it costs a small source a tenth of a second

            hashes = np.asarray(
                self.con.execute("SELECT id_hash FROM event_facts").fetchnumpy()["id_hash"],
                dtype=np.uint32,
            )
            hashes.sort()
            shared = np.unique(hashes[1:][hashes[1:] == hashes[:-1]])
            if not len(shared):
                return  # no two hashes are equal, so no identifier is used twice
            duplicate = self.con.execute(
                first_duplicate.format(
                    where="""
                WHERE e.event_row IN (SELECT f.event_row FROM event_facts AS f
                                      WHERE f.id_hash IN (SELECT unnest(?::UINTEGER[])))
                """
                ),
                [shared.tolist()],
            ).fetchone()
        if duplicate:
            self.source.raise_first_invalid(self.con)
            raise InputError(
                f"duplicate event_id '{duplicate[0]}'", file=duplicate[1], field="event_id"
            )

    def snapshot(
        self,
        as_at: date,
        cutoff: date,
        compare: str | None,
        year_before: tuple[date, date],
        two_years_before: tuple[date, date],
    ) -> None:
        """Make `as_at_snapshot`: the LAs existing at a release's date counted by what is known
        of them (model as_at_combinations), with the change since the earlier inspection when
        `compare` is given, and by overall effectiveness as at the two dates before (each an
        (as-at, cut-off) pair); once per release, for the as-at summaries to sum. The dates
        and the choice are written into the query as constants, so that DuckDB leaves out
        what they make unused (the inspection before the most recent, unless compare is
        "previous")."""
        key = (as_at, cutoff, compare, year_before, two_years_before)
        if getattr(self, "_snapshot", None) != key:
            if compare not in (None, "first", "previous"):
                raise ValueError(f"compare must be first or previous, not {compare!r}")
            choice = "NULL" if compare is None else _sql_text(compare)
            args = ", ".join(
                [
                    _sql_date(as_at),
                    _sql_date(cutoff),
                    choice,
                    *(_sql_date(d) for d in (*year_before, *two_years_before)),
                ]
            )
            self.con.execute(
                "CREATE OR REPLACE TABLE as_at_snapshot AS "
                f"SELECT * FROM as_at_combinations({args}); "
                "CREATE OR REPLACE TABLE as_at_ungraded_snapshot AS "
                "SELECT * FROM as_at_ungraded_names()"
            )
            self._snapshot = key

    def period_snapshot(
        self, start: object, end: object, cutoff: object, judged: bool = True
    ) -> None:
        """Make the in-year snapshots of a period, once, for the in-year summaries: its
        events and, when `judged`, its graded inspections and its focused visits with the
        LA's last judgement (else those two are left empty: the year before the release's
        period needs its events alone)."""
        if getattr(self, "_period", None) != (start, end, cutoff, judged):
            args = [start, end, cutoff]
            only_if = "" if judged else " WHERE false"
            # (the in-year summaries group and count these rows, never read their order)
            self.con.execute("SET preserve_insertion_order = false")
            try:
                self.con.execute(
                    "CREATE OR REPLACE TABLE in_year_snapshot AS "
                    "SELECT * FROM in_year_facts(?, ?, ?)",
                    args,
                )
                self.con.execute(
                    "CREATE OR REPLACE TABLE in_year_focused_snapshot AS "
                    f"SELECT * FROM in_year_focused_visits(?){only_if}",
                    [cutoff],
                )
                self.con.execute(
                    "CREATE OR REPLACE TABLE in_year_graded_snapshot AS "
                    f"SELECT * FROM in_year_graded(?, ?, ?){only_if}",
                    args,
                )
            finally:
                self.con.execute("RESET preserve_insertion_order")
            self._period = (start, end, cutoff, judged)

    def rows(self, sql: str, params: Sequence[object] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def value(self, sql: str, params: Sequence[object] | None = None) -> Any:
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None
