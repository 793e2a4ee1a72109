"""The SQL models as the tests read them: the real builds of both warehouses, what each model
file makes, and the descriptions beside it (the format is in docs/sql-models.md)."""

from __future__ import annotations

import atexit
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from inspection_outcomes.model import providers as pm
from inspection_outcomes.store import providers as provider_store
from inspection_outcomes.store.layers import model_files

WAREHOUSES = ("inspections", "providers")

#: The tables each warehouse's Python makes before the models run (the canonical records and
#: the reference data), with the schema in model/ that describes their columns, where a model
#: description may point to it ("*providers").
SOURCES: dict[str, dict[str, tuple[tuple[str, str, str], ...] | None]] = {
    "inspections": {
        "events": None,
        "source_values": None,
        "local_authorities": None,
        "frameworks": None,
    },
    "providers": {
        "providers": pm.PROVIDER_SCHEMA,
        "register": pm.PROVIDER_SCHEMA,
        "provider_events": pm.EVENT_SCHEMA,
        "joiners_leavers": pm.JOINER_LEAVER_SCHEMA,
    },
}


@dataclass(frozen=True)
class Made:
    """A relation or macro a model file makes."""

    kind: str  # view, table, table macro or macro
    name: str
    params: tuple[str, ...] = ()


@dataclass(frozen=True)
class Description:
    """A description block: "-- <kind> <name>[(<params>)]: <what it is>", then one line for
    each column, "--   <column>  <what it holds>" ("*<relation>": every column of that)."""

    made: Made
    columns: tuple[str, ...]
    blank_columns: tuple[str, ...]  # columns whose line says nothing


def model_name(path: Path) -> str:
    """A model's name as the tests give it: <warehouse>/<layer>/<file stem>."""
    return f"{path.parent.parent.name}/{path.parent.name}/{path.stem}"


def all_model_files() -> list[Path]:
    return [p for w in WAREHOUSES for p in model_files(w)]


def _statements(sql: str) -> list[str]:
    """The file's statements as DuckDB splits them, without comments, one line each."""
    texts = (re.sub(r"--[^\n]*", "", s.query) for s in duckdb.connect().extract_statements(sql))
    return [" ".join(t.split()).rstrip(";").strip() for t in texts if t.strip()]


_CREATE = re.compile(
    r"CREATE (?:OR REPLACE )?(TABLE|VIEW|MACRO) (\w+)(?: ?\(([^)]*)\) AS( TABLE)?)?"
)


def statement_makes(statement: str) -> Made | None:
    m = _CREATE.match(statement)
    if m is None:
        return None
    what, name, params, table = m.groups()
    if what != "MACRO":
        return Made(what.lower(), name)
    kind = "table macro" if table else "macro"
    return Made(kind, name, tuple(p.strip() for p in params.split(",") if p.strip()))


def made_by(path: Path) -> list[Made]:
    """What a model file makes, in order, read from its CREATE statements."""
    made = (statement_makes(s) for s in _statements(path.read_text(encoding="utf-8")))
    return [m for m in made if m is not None]


def macro_statements(path: Path) -> list[str]:
    """A model file's CREATE MACRO statements (what a rule's test takes from upstream)."""
    return [
        s
        for s in _statements(path.read_text(encoding="utf-8"))
        if (m := statement_makes(s)) is not None and m.kind.endswith("macro")
    ]


_HEADING = re.compile(r"(table macro|macro|table|view) (\w+)(?:\(([^)]*)\))?:")
_HEADING_START = re.compile(r"(table macro|macro|table|view) \w+(\(|:)")
_COLUMN = re.compile(r"--   (\*?\w+)(.*)$")


def _heading(lines: list[str], i: int) -> tuple[re.Match[str], int] | None:
    """The heading at line i, if one is there, with its parameters joined from the lines they
    run on over, and the index of the heading's last line."""
    text = lines[i][3:] if lines[i].startswith("-- ") else ""
    if not _HEADING_START.match(text):
        return None
    while "(" in text.split(":")[0] and ")" not in text and lines[i + 1].startswith("-- "):
        i += 1
        text += " " + lines[i][3:]
    m = _HEADING.match(text)
    assert m is not None, f"heading not understood: {text}"
    return m, i


def descriptions(path: Path) -> list[Description]:
    """The description blocks of a model file, in order: each runs from its heading to the
    statement it describes."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Description] = []
    i = 0
    while i < len(lines):
        heading = _heading(lines, i)
        i = heading[1] + 1 if heading else i + 1
        if heading is None:
            continue
        kind, name, params = heading[0].groups()
        columns, blank = [], []
        while i < len(lines) and lines[i].startswith("--"):
            if c := _COLUMN.match(lines[i]):
                columns.append(c[1])
                if not c[2].strip():
                    blank.append(c[1])
            i += 1
        found.append(
            Description(
                Made(kind, name, tuple(p.strip() for p in (params or "").split(",") if p.strip())),
                tuple(columns),
                tuple(blank),
            )
        )
    return found


_BUILT: dict[str, duckdb.DuckDBPyConnection] = {}


def built(warehouse: str) -> duckdb.DuckDBPyConnection:
    """The warehouse as its real build makes it, over a record or two (every model run);
    built once, and closed when the tests end."""
    if warehouse not in _BUILT:
        _BUILT[warehouse] = _build(warehouse)
    return _BUILT[warehouse]


@atexit.register
def _close_builds() -> None:
    """(A connection left open until the interpreter ends makes DuckDB's bindings report
    leaked objects.)"""
    while _BUILT:
        _BUILT.popitem()[1].close()


def _build(warehouse: str) -> duckdb.DuckDBPyConnection:
    if warehouse == "providers":
        return provider_store.build(
            provider_store.Settings(
                date(2024, 3, 31), date(2023, 4, 1), date(2024, 3, 31), pm.SectorRule()
            )
        )
    from inspection_outcomes.sources.load import load_la_source
    from inspection_outcomes.store.inspections import Warehouse
    from tests.engine_helpers import event, write_canonical

    with tempfile.TemporaryDirectory() as tmp:
        source = write_canonical(
            Path(tmp) / "events.csv", [event(1, "E09000003", "2023-05-01", "2023-07-01")]
        )
        return Warehouse(load_la_source(f"canonical:{source}")).con


def columns_of(con: duckdb.DuckDBPyConnection, made: Made) -> list[tuple[str, str]]:
    """(name, type) of each column a relation or table macro gives (a table macro called
    with NULL for each parameter)."""
    if made.kind == "table macro":
        args = ", ".join("NULL" for _ in made.params)
        query = f"DESCRIBE SELECT * FROM {made.name}({args})"
    else:
        query = f"DESCRIBE {made.name}"
    return [(r[0], r[1]) for r in con.execute(query).fetchall()]


def catalog(con: duckdb.DuckDBPyConnection) -> set[Made]:
    """Every relation and macro in a connection (macros with their parameters)."""
    tables = {
        Made("table", r[0])
        for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
    }
    views = {
        Made("view", r[0])
        for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
    }
    macros = {
        Made(r[1].replace("_", " "), r[0], tuple(r[2]))
        for r in con.execute(
            "SELECT function_name, function_type, parameters FROM duckdb_functions() "
            "WHERE NOT internal AND function_type IN ('macro', 'table_macro')"
        ).fetchall()
    }
    return tables | views | macros
