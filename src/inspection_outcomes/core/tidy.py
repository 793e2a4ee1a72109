"""Tidy CSV files with metadata, in the Explore Education Statistics (EES) data standard:
the file model, the writer and the standard's checks (each publication makes its own files).

Each data file has the standard's time and geography columns (time_period, time_identifier,
geographic_level, country_code, country_name; region_code, region_name at regional level;
old_la_code, new_la_code, la_name at local authority level, left empty at higher levels),
then filter columns (never empty: "Total" for the aggregate), then indicator columns (numbers,
or the symbols x = not available, z = not applicable). Each has a `<name>.meta.csv` describing
its filters and indicators. Choices the standard leaves open are written to data_guidance.md.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspection_outcomes.model.reference import read_table
from inspection_outcomes.safe_text import csv_text

COUNTRY = ("E92000001", "England")


GEOGRAPHY_COLUMNS = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
)


META_COLUMNS = (
    "col_name",
    "col_type",
    "label",
    "indicator_grouping",
    "indicator_unit",
    "indicator_dp",
    "filter_hint",
    "filter_grouping_column",
)


#: EES symbols allowed in indicator columns.
SYMBOLS = ("x", "z", "c", "low", "u")


TOTAL = "Total"


_REGIONS = sorted(read_table("regions.csv"), key=lambda r: int(r["order"]))


#: Ofsted's 8 regions -> region_code. "North East, Yorkshire and the Humber" has no single ONS
#: code: it is given as both ONS codes joined by ";" (E12000001;E12000003).
REGION_CODES = {r["region"]: r["ons_codes"] for r in _REGIONS}


REGION_ORDER = tuple(r["region"] for r in _REGIONS)


@dataclass(frozen=True)
class MetaRow:
    col_name: str
    col_type: str  # Filter or Indicator
    label: str
    indicator_unit: str = ""
    indicator_dp: str = ""
    filter_hint: str = ""
    indicator_grouping: str = ""
    filter_grouping_column: str = ""

    def as_list(self) -> list[str]:
        return [getattr(self, c) for c in META_COLUMNS]


@dataclass
class TidyFile:
    name: str  # file stem
    description: str
    meta: list[MetaRow]
    rows: list[dict[str, Any]]

    @property
    def columns(self) -> list[str]:
        return [*GEOGRAPHY_COLUMNS, *(m.col_name for m in self.meta)]


def write_tidy_files(
    files: list[TidyFile], guidance: str, folder: str | Path, others: dict[str, str] | None = None
) -> list[Path]:
    """Write tidy files, their .meta.csv files, data_guidance.md (text `guidance`) and any
    other data files (name -> text) into folder, through a temporary folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    texts: dict[str, str] = {}
    for t in files:
        texts[f"{t.name}.csv"] = csv_text(t.columns, ([r[c] for c in t.columns] for r in t.rows))
        texts[f"{t.name}.meta.csv"] = csv_text(META_COLUMNS, (m.as_list() for m in t.meta))
    texts.update(others or {})
    texts["data_guidance.md"] = guidance
    tmp = Path(tempfile.mkdtemp(prefix=".tidy_csv.", dir=folder))
    try:
        for name, text in texts.items():
            (tmp / name).write_text(text, encoding="utf-8", newline="")
        out = []
        for name in texts:
            os.replace(tmp / name, folder / name)
            out.append(folder / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


_TIME_FORMATS = {
    "Reporting year": r"\d{4}",
    "Calendar year": r"\d{4}",
    "Financial year": r"\d{6}",
    "Academic year": r"\d{6}",
}


_LEVEL_COLUMNS = {
    "National": (),
    "Regional": ("region_code", "region_name"),
    "Local authority": ("region_code", "region_name", "old_la_code", "new_la_code", "la_name"),
}


def check_tidy_csv(data_path: str | Path) -> list[str]:
    """Problems with a data file and its .meta.csv against the standard (empty when none)."""
    data_path = Path(data_path)
    meta_path = data_path.with_name(data_path.name.removesuffix(".csv") + ".meta.csv")
    if not meta_path.is_file():
        return [f"{data_path.name}: no {meta_path.name}"]
    with data_path.open(encoding="utf-8", newline="") as fh:
        data = list(csv.DictReader(fh))
        header = list(data[0].keys()) if data else []
    with meta_path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        problems: list[str] = []
        if tuple(reader.fieldnames or ()) != META_COLUMNS:
            problems.append(
                f"{meta_path.name}: columns {reader.fieldnames} are not {list(META_COLUMNS)}"
            )
        meta = list(reader)
    if not data:
        return [*problems, f"{data_path.name}: no rows"]
    problems += _column_problems(data_path.name, meta_path.name, header, meta)
    filters = [m["col_name"] for m in meta if m["col_type"] == "Filter"]
    indicators = [m["col_name"] for m in meta if m["col_type"] == "Indicator"]
    for i, row in enumerate(data, start=2):
        problems += _row_problems(f"{data_path.name} row {i}", row, filters, indicators)
    return problems


def _column_problems(
    data_name: str, meta_name: str, header: list[str], meta: list[dict[str, str]]
) -> list[str]:
    problems = []
    missing = [c for c in GEOGRAPHY_COLUMNS[:5] if c not in header]
    if missing:
        problems.append(f"{data_name}: mandatory columns missing: {missing}")
    described = [m["col_name"] for m in meta]
    others = [c for c in header if c not in GEOGRAPHY_COLUMNS]
    if described != others:
        problems.append(f"{data_name}: columns {others} but meta describes {described}")
    if any(m["col_type"] not in ("Filter", "Indicator") for m in meta):
        problems.append(f"{meta_name}: col_type must be Filter or Indicator")
    return problems


def _row_problems(
    where: str, row: dict[str, str], filters: list[str], indicators: list[str]
) -> list[str]:
    problems = []
    pattern = _TIME_FORMATS.get(row.get("time_identifier", ""))
    if pattern is None or not re.fullmatch(pattern, row.get("time_period", "")):
        problems.append(
            f"{where}: time_period {row.get('time_period')!r} / {row.get('time_identifier')!r}"
        )
    level = row.get("geographic_level", "")
    if level not in _LEVEL_COLUMNS:
        problems.append(f"{where}: geographic_level {level!r}")
    else:
        problems += [
            f"{where}: {c} empty at {level} level"
            for c in ("country_code", "country_name", *_LEVEL_COLUMNS[level])
            if not row.get(c)
        ]
    problems += [f"{where}: filter {c} empty" for c in filters if not row.get(c)]
    for c in indicators:
        v = row.get(c, "")
        if v not in SYMBOLS and not re.fullmatch(r"-?\d+(\.\d+)?", v):
            problems.append(f"{where}: indicator {c} = {v!r}")
    return problems
