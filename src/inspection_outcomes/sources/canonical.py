"""Canonical records as input: a CSV or Parquet file with the columns of model.events.SCHEMA.

Read by DuckDB directly (no Python loop per row), so millions of events load in a second.
Values are validated in SQL; the first bad value is reported with its row and field.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from inspection_outcomes.errors import InputError
from inspection_outcomes.model.events import COLUMNS, DATE_COLUMNS, JUDGEMENT_COLUMNS, SCHEMA
from inspection_outcomes.model.frameworks import EVENT_TYPES, framework_versions
from inspection_outcomes.model.scale import JUDGEMENTS


def _scan(path: Path, row_numbers: bool = False) -> str:
    p = str(path).replace("'", "''")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return f"read_parquet('{p}'{', file_row_number=true' if row_numbers else ''})"
    if suffix == ".csv":
        return f"read_csv('{p}', header=true, all_varchar=true, quote='\"', escape='\"')"
    raise InputError("not a canonical file (.csv or .parquet expected)", file=path)


def load_canonical(con: duckdb.DuckDBPyConnection, path: Path, table: str = "events") -> None:
    """Make `table` from a canonical CSV/Parquet file, with `event_row` (position in the file).

    Parquet with the canonical types stays in the file: `table` is a view DuckDB reads column
    by column, so ten million events are never copied whole, and its values are checked by
    the warehouse's one pass over them (the event facts), which calls raise_first_invalid
    only when something is wrong. Other files (CSV, small by nature, or Parquet with other
    types) are validated here first, then become a table.
    """
    scan = _scan(path)
    types = _read_types(con, path, scan)
    typed = path.suffix.lower() == ".parquet" and all(types[name] == typ for name, typ, _ in SCHEMA)
    if typed:
        scan = _scan(path, row_numbers=True)
    elif not _all_valid(con, types):
        raise_first_invalid(con, path)
    casts = []
    for name, typ, _ in SCHEMA:
        cast = f"CAST(NULLIF(CAST({name} AS VARCHAR), '') AS {typ})"
        expr = name if types[name] == typ else cast
        if name == "source_file":
            label = path.name.replace("'", "''")
            expr = f"coalesce(NULLIF({expr}, ''), '{label}')"
        elif name == "source_row":  # else the row as a CSV numbers it (header: row 1)
            position = "file_row_number + 2" if typed else "row_number() OVER () + 1"
            expr = f"coalesce({expr}, CAST({position} AS INTEGER))"
        casts.append(f"{expr} AS {name}")
    casts.append(
        "file_row_number AS event_row" if typed else "row_number() OVER () - 1 AS event_row"
    )
    kind = "VIEW" if typed else "TABLE"
    con.execute(f"CREATE OR REPLACE {kind} {table} AS SELECT {', '.join(casts)} FROM {scan}")
    con.execute("DROP VIEW raw_canonical")


def _read_types(con: duckdb.DuckDBPyConnection, path: Path, scan: str) -> dict[str, str]:
    """The file's column types (as `raw_canonical`), or a clear error."""
    try:
        con.execute(f"CREATE OR REPLACE TEMP VIEW raw_canonical AS SELECT * FROM {scan}")
        types = {r[0]: str(r[1]) for r in con.execute("DESCRIBE raw_canonical").fetchall()}
    except duckdb.Error as e:
        raise InputError(
            f"cannot be read as {path.suffix[1:].upper()}: {str(e).splitlines()[0]}", file=path
        ) from None
    missing = [c for c in COLUMNS if c not in types]
    if missing:
        raise InputError(
            f"missing canonical column(s) {', '.join(missing)} (see docs/canonical-records.md)",
            file=path,
        )
    return types


def raise_first_invalid(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Raise the error naming the file's first invalid value (row as a CSV numbers it: the
    header is row 1), by checking the columns one by one (slow, only when something is
    wrong)."""
    _read_types(con, path, _scan(path))
    con.execute(
        "CREATE OR REPLACE TEMP VIEW numbered AS "
        "SELECT row_number() OVER () + 1 AS source_line, * FROM raw_canonical"
    )
    _validate(con, path)
    con.execute("DROP VIEW numbered")


def _all_valid(con: duckdb.DuckDBPyConnection, types: dict[str, str]) -> bool:
    """A quick look at the whole file: True when every value is valid (the usual case).

    The distinct values of each enumerated column (a cheap group-by on dictionary-encoded
    columns), then one pass for the rest. Only when something is wrong does the slower search
    for its row and field run.
    """

    def text(c: str) -> str:
        return c if types[c] == "VARCHAR" else f"CAST({c} AS VARCHAR)"

    enumerated = {
        "event_type": EVENT_TYPES,
        "framework": tuple(f.framework for f in framework_versions()),
        **{c: JUDGEMENTS for c in JUDGEMENT_COLUMNS},
    }
    for column, allowed in enumerated.items():
        values = con.execute(f"SELECT DISTINCT {text(column)} FROM raw_canonical").fetchall()
        if any(v not in (None, "") and v not in allowed for (v,) in values):
            return False
    parts = [
        f"count(*) FILTER (WHERE {c} IS NULL OR {text(c)} = '')" for c in ("event_id", "la_code")
    ]
    for c in DATE_COLUMNS:
        if types[c] != "DATE":
            parts.append(
                f"count(*) FILTER (WHERE NULLIF({text(c)}, '') IS NOT NULL AND "
                f"TRY_CAST({text(c)} AS DATE) IS NULL)"
            )
    start = (
        "start_date"
        if types["start_date"] == "DATE"
        else "TRY_CAST(NULLIF(CAST(start_date AS VARCHAR), '') AS DATE)"
    )
    end = (
        "end_date"
        if types["end_date"] == "DATE"
        else "TRY_CAST(NULLIF(CAST(end_date AS VARCHAR), '') AS DATE)"
    )
    parts.append(f"count(*) FILTER (WHERE {end} < {start})")
    parts.append("count(*) - count(DISTINCT event_id)")
    row = con.execute(f"SELECT {', '.join(parts)} FROM raw_canonical").fetchone()
    assert row is not None
    return not any(row)


def _first_bad(
    con: duckdb.DuckDBPyConnection, condition: str, column: str
) -> tuple[int, str] | None:
    row = con.execute(
        f"SELECT source_line, CAST({column} AS VARCHAR) FROM numbered WHERE {condition} "
        "ORDER BY source_line LIMIT 1"
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def _validate(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    def check(column: str, condition: str, expected: str) -> None:
        bad = _first_bad(con, condition, column)
        if bad:
            raise InputError(
                f"'{bad[1]}' is not valid ({expected} expected)",
                file=path,
                row=bad[0],
                field=column,
            )

    def listed(values: tuple[str, ...]) -> str:
        return ", ".join(f"'{v}'" for v in values)

    check("event_id", "event_id IS NULL OR CAST(event_id AS VARCHAR) = ''", "an identifier")
    check("la_code", "la_code IS NULL OR CAST(la_code AS VARCHAR) = ''", "a GSS code")
    check(
        "event_type",
        f"NULLIF(CAST(event_type AS VARCHAR), '') NOT IN ({listed(EVENT_TYPES)})",
        "one of " + ", ".join(EVENT_TYPES),
    )
    fw = tuple(f.framework for f in framework_versions())
    check(
        "framework",
        f"NULLIF(CAST(framework AS VARCHAR), '') NOT IN ({listed(fw)})",
        "one of " + ", ".join(fw),
    )
    for c in DATE_COLUMNS:
        check(
            c,
            f"NULLIF(CAST({c} AS VARCHAR), '') IS NOT NULL AND "
            f"TRY_CAST(CAST({c} AS VARCHAR) AS DATE) IS NULL",
            "an ISO date YYYY-MM-DD",
        )
    for c in JUDGEMENT_COLUMNS:
        check(
            c,
            f"NULLIF(CAST({c} AS VARCHAR), '') NOT IN ({listed(JUDGEMENTS)})",
            "one of " + ", ".join(JUDGEMENTS) + " or empty",
        )
    check(
        "end_date",
        "TRY_CAST(CAST(end_date AS VARCHAR) AS DATE) < TRY_CAST(CAST(start_date AS VARCHAR) "
        "AS DATE)",
        "an end date on or after the start date",
    )
    dup = con.execute(
        "SELECT min(source_line), CAST(event_id AS VARCHAR) FROM numbered "
        "GROUP BY event_id HAVING count(*) > 1 ORDER BY 1 LIMIT 1"
    ).fetchone()
    if dup:
        raise InputError(f"duplicate event_id '{dup[1]}'", file=path, field="event_id")
