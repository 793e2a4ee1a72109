"""Given/expect tests of one rule model: a few rows for the tables it reads (given), the rows a
query of what it makes must return (expect), run against that model alone.

The runner makes every table the model may read (the warehouse's source tables and what the
models before it make), empty and typed as the real build types them, fills those given, makes
the macros: those generated from reference data (store/inspections.py) and those of the models
before it, then runs the one model file. A broken rule fails its own test, named by its model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from inspection_outcomes.model.frameworks import EVENT_TYPES, framework_versions
from inspection_outcomes.model.scale import JUDGEMENTS
from inspection_outcomes.store.inspections import reference_macros
from inspection_outcomes.store.layers import model_files
from tests.sql_models_support import (
    SOURCES,
    Made,
    built,
    columns_of,
    macro_statements,
    made_by,
    model_name,
)


@dataclass(frozen=True)
class Rows:
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def rows(columns: str, *values: tuple[object, ...]) -> Rows:
    """A little table: its column names (space-separated), then one tuple per row."""
    names = tuple(columns.split())
    assert all(len(v) == len(names) for v in values), columns
    return Rows(names, values)


@dataclass(frozen=True)
class RuleCase:
    model: str  # <warehouse>/rules/<file stem>
    name: str  # what the case shows
    given: Mapping[str, Rows]
    query: str
    expect: Rows
    params: tuple[object, ...] = ()  # for the query's ? placeholders

    @property
    def id(self) -> str:
        return f"{self.model}: {self.name}"


def _model_file(model: str) -> tuple[str, Path, list[Path]]:
    """The warehouse, the model's file, and the files that run before it."""
    warehouse = model.split("/")[0]
    files = model_files(warehouse)
    path = next((p for p in files if model_name(p) == model), None)
    assert path is not None, f"no model {model}"
    return warehouse, path, files[: files.index(path)]


def _upstream_tables(warehouse: str, before: list[Path]) -> list[Made]:
    """The tables and views the model may read: the sources, and those the models before it
    make (as the real build has them)."""
    made = [Made("table", t) for t in SOURCES[warehouse]]
    return made + [m for p in before for m in made_by(p) if m.kind in ("table", "view")]


def _create_given(
    con: duckdb.DuckDBPyConnection, warehouse: str, made: Made, given: Rows | None
) -> None:
    """The table, typed as in the real build, holding the given rows (NULL in every column
    they do not give)."""
    columns = columns_of(built(warehouse), made)
    con.execute(
        f"CREATE TABLE {made.name} (" + ", ".join(f"{name} {typ}" for name, typ in columns) + ")"
    )
    if given is None:
        return
    unknown = set(given.columns) - {name for name, _ in columns}
    assert not unknown, f"{made.name} has no column {', '.join(sorted(unknown))}"
    marks = ", ".join("?" for _ in given.columns)
    con.executemany(
        f"INSERT INTO {made.name} ({', '.join(given.columns)}) VALUES ({marks})",
        [list(r) for r in given.rows],
    )


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def run_rule_case(case: RuleCase) -> None:
    """Run the case's model alone on its given rows; assert the query returns the rows
    expected (in any order)."""
    warehouse, path, before = _model_file(case.model)
    con = duckdb.connect()
    if warehouse == "inspections":
        reference_macros(con)
    upstream = _upstream_tables(warehouse, before)
    names = {m.name for m in upstream}
    assert set(case.given) <= names, f"{case.model}: nothing upstream is {set(case.given) - names}"
    for made in upstream:
        if made.name not in {r[0] for r in con.execute("SHOW TABLES").fetchall()}:
            _create_given(con, warehouse, made, case.given.get(made.name))
    for earlier in before:
        for statement in macro_statements(earlier):
            con.execute(statement)
    con.execute(path.read_text(encoding="utf-8"))
    cur = con.execute(case.query, list(case.params))
    got_columns = tuple(d[0] for d in cur.description or [])
    got = [tuple(_plain(v) for v in r) for r in cur.fetchall()]
    assert got_columns == case.expect.columns, f"{case.model}: columns {got_columns}"
    assert Counter(got) == Counter(case.expect.rows), (
        f"{case.model} ({case.name}): got {sorted(got, key=repr)}"
    )


# --- what the inspections' rules read, made readable ------------------------------------------

_AREAS = (
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
)


def kind(framework: str, event_type: str) -> int:
    """An event's kind (staging/03_event_facts): its framework version's place in the
    framework versions times the number of event types, plus its event type's place."""
    names = [f.framework for f in framework_versions()]
    return names.index(framework) * len(EVENT_TYPES) + EVENT_TYPES.index(event_type)


def recency(
    took_place: str, published: str, end: str | None = None, id_bits: int = 0, **judgements: str
) -> int:
    """A graded inspection's recency key, laid out as staging/03_event_facts describes it
    (judgements by area name; an area not given is 0, none)."""
    return _recency(took_place, published, end, id_bits, judgements)


def _recency(
    took_place: str, published: str, end: str | None, id_bits: int, judgements: Mapping[str, str]
) -> int:
    def days(a: str, b: str) -> int:
        return (date.fromisoformat(b) - date.fromisoformat(a)).days

    assert set(judgements) <= set(_AREAS), f"not an area: {set(judgements) - set(_AREAS)}"
    key = days("1970-01-01", took_place) * 2**47
    key += max(0, min(days(took_place, end or took_place), 2047)) * 2**36
    key += max(0, min(days(took_place, published), 2047)) * 2**25
    key += id_bits * 2**15
    for place, area in zip((12, 9, 6, 3, 0), _AREAS, strict=True):
        judgement = judgements.get(area)
        key += (JUDGEMENTS.index(judgement) + 1 if judgement else 0) * 2**place
    return key


GRADED_COLUMNS = "la_id event_row took_place publication_date kind recency"


def graded(
    la_id: int,
    event_row: int,
    framework: str,
    event_type: str,
    took_place: str,
    published: str,
    **judgements: str,
) -> tuple[object, ...]:
    """A row of graded_inspections (GRADED_COLUMNS)."""
    return (
        la_id,
        event_row,
        took_place,
        published,
        kind(framework, event_type),
        _recency(took_place, published, None, 0, judgements),
    )
