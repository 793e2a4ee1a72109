"""The SQL models keep to their one layout, and the descriptions beside them name exactly what
each makes: its relations and macros, and every column of each, as the real build makes them."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from inspection_outcomes.store.inspections import reference_macros
from inspection_outcomes.store.layers import LAYERS, model_files
from tests.sql_models_support import (
    SOURCES,
    WAREHOUSES,
    Description,
    Made,
    all_model_files,
    built,
    catalog,
    columns_of,
    descriptions,
    made_by,
    model_name,
)

MODELS_ROOT = Path(model_files("inspections")[0]).parents[2]
FILE_NAME = re.compile(r"\d{2}_[a-z0-9_]+\.sql")
MODELS = pytest.mark.parametrize("path", all_model_files(), ids=model_name)


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_models_are_found_by_the_one_scheme(warehouse: str) -> None:
    """Every .sql file under the warehouse's folder sits in a layer folder, is named
    NN_<name>.sql with a number its layer gives no other file, and runs: layers in order, files
    by number."""
    root = MODELS_ROOT / warehouse
    on_disk = sorted(root.rglob("*.sql"))
    assert {p.parent.name for p in on_disk} <= set(LAYERS)
    assert all(p.parent.parent == root and FILE_NAME.fullmatch(p.name) for p in on_disk)
    runs = model_files(warehouse)
    assert sorted(runs) == on_disk
    order = [(LAYERS.index(p.parent.name), int(p.name[:2])) for p in runs]
    assert order == sorted(set(order)), "layers in order, each number once in a layer"


def test_no_model_file_outside_a_warehouse() -> None:
    assert {p.relative_to(MODELS_ROOT).parts[0] for p in MODELS_ROOT.rglob("*.sql")} == set(
        WAREHOUSES
    )


@MODELS
def test_each_model_describes_what_it_makes(path: Path) -> None:
    """One description for each relation and macro the file makes, in the order made, with
    the macro's parameters, and something said of every column."""
    described = descriptions(path)
    assert [d.made for d in described] == made_by(path)
    assert made_by(path), "a model makes something"
    assert not [d.made.name for d in described if d.blank_columns]
    assert all(not d.columns for d in described if d.made.kind == "macro")


def _described(warehouse: str) -> dict[str, Description]:
    return {d.made.name: d for p in model_files(warehouse) for d in descriptions(p)}


def _expand(warehouse: str, description: Description) -> list[str]:
    """The columns a description names, "*<relation>" read as that relation's columns: a
    model's that is described, or a canonical table's whose schema describes them."""
    described = _described(warehouse)
    columns: list[str] = []
    for c in description.columns:
        if not c.startswith("*"):
            columns.append(c)
            continue
        name = c[1:]
        if name in described:
            columns += [n for n, _ in columns_of(built(warehouse), described[name].made)]
        else:
            assert SOURCES[warehouse].get(name), f"{name}: neither a model nor a described source"
            columns += [n for n, _, _ in SOURCES[warehouse][name] or ()]
    return columns


@MODELS
def test_described_columns_are_the_columns_made(path: Path) -> None:
    warehouse = path.parent.parent.name
    for description in descriptions(path):
        if description.made.kind == "macro":
            continue
        made = [n for n, _ in columns_of(built(warehouse), description.made)]
        assert _expand(warehouse, description) == made, description.made.name


@pytest.mark.parametrize("warehouse", ["providers"])
def test_canonical_tables_have_the_columns_their_schema_describes(warehouse: str) -> None:
    for table, schema in SOURCES[warehouse].items():
        assert schema is not None
        assert [n for n, _ in columns_of(built(warehouse), Made("table", table))] == [
            n for n, _, _ in schema
        ]


def _made_by_python(warehouse: str) -> set[Made]:
    """What the warehouse's Python makes: the source tables, and (inspections) the macros made
    from the reference data."""
    made = {Made("table", t) for t in SOURCES[warehouse]}
    if warehouse == "inspections":
        con = duckdb.connect()
        reference_macros(con)
        made |= catalog(con)
    return made


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_the_build_makes_nothing_undescribed(warehouse: str) -> None:
    """Every relation and macro of the real build is made by the Python or by a model file
    (and so described), and every one a model file makes is in the build as described."""
    by_models = {m for p in model_files(warehouse) for m in made_by(p)}
    assert catalog(built(warehouse)) == by_models | _made_by_python(warehouse)
    assert not by_models & _made_by_python(warehouse)
