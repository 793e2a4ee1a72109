"""Loading the reference tables shipped in model/data (facts, each with its source noted)."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a reference file shipped in the package."""
    return Path(str(resources.files("inspection_outcomes.model").joinpath("data", name)))


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    with data_path(name).open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))
