"""Fast inserts of Python rows into DuckDB.

DuckDB binds parameters row by row (executemany and multi-row VALUES both take seconds for a
few thousand rows), so rows go through a temporary CSV file that DuckDB reads in one scan.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import duckdb


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[object]]
) -> None:
    """INSERT rows (scalars; None is NULL) into an existing table with matching columns."""
    if not rows:
        return
    columns = con.execute(f"DESCRIBE {table}").fetchall()
    types = ", ".join(f"'{name}': '{typ}'" for name, typ, *_ in columns)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            f.writelines(",".join(_field(v) for v in row) + "\n" for row in rows)
        con.execute(
            f"INSERT INTO {table} SELECT * FROM read_csv('{path}', header=false, "
            f"columns={{{types}}}, delim=',', nullstr='', quote='\"', escape='\"', "
            "allow_quoted_nulls=false, auto_detect=false)"
        )


def _field(value: object) -> str:
    """NULL as an empty unquoted field; every other value quoted (so '' stays a string)."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return '"' + text.replace('"', '""') + '"'
