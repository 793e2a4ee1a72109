"""Where each warehouse's SQL models are, and the one order both run them in.

A model is a .sql file at store/models/<warehouse>/<layer>/<NN>_<name>.sql, named after what
it makes. The layers run in the order of ``LAYERS``: staging (the records and reference data
as the rules read them), rules (the methodology's rules, one file each), summaries (the small
tables the figures and lists read). Within a layer, files run in the order of their number
prefix; a model reads only what the models before it, and the warehouse's Python, have made.
docs/sql-models.md says where a new model goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import duckdb

#: The layers, in the order they run.
LAYERS = ("staging", "rules", "summaries")


def model_files(warehouse: str, layers: Sequence[str] = LAYERS) -> list[Path]:
    """The model files of a warehouse ("inspections" or "providers"), in the order they run."""
    root = resources.files("inspection_outcomes.store").joinpath("models", warehouse)
    files: list[Path] = []
    for layer in layers:
        folder = root.joinpath(layer)
        files += sorted(
            (Path(str(p)) for p in folder.iterdir() if p.name.endswith(".sql")),
            key=lambda p: p.name,
        )
    return files


def run_models(
    con: duckdb.DuckDBPyConnection, warehouse: str, layers: Sequence[str] = LAYERS
) -> None:
    """Run the model files of the given layers, in order."""
    for sql_file in model_files(warehouse, layers):
        con.execute(sql_file.read_text(encoding="utf-8"))
