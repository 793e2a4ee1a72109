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

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspection_outcomes.core.ees_rules import REQUIRED_META, check_files
from inspection_outcomes.safe_text import csv_text

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


#: The metadata columns: the 8 the standard requires, then its optional `filter_default`
#: (the filter item shown when none is chosen; blank means "Total").
META_COLUMNS = (*REQUIRED_META, "filter_default")


TOTAL = "Total"


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
    filter_default: str = ""

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


def ofsted_region_meta() -> MetaRow:
    """The `ofsted_region` filter of files with regional or LA rows (model.ees_geography)."""
    return MetaRow(
        "ofsted_region",
        "Filter",
        "Ofsted region",
        filter_hint="Ofsted's region of the region or local authority (Ofsted joins North East "
        "and Yorkshire and The Humber); Total at national level",
        filter_default=TOTAL,
    )


def check_tidy_csv(data_path: str | Path) -> list[str]:
    """Every EES screener rule a data file and its .meta.csv break (core.ees_rules), one line
    each naming file, row and rule; empty when none."""
    return check_files(Path(data_path))


def check_tidy_files(
    files: list[TidyFile], folder: str | Path, *, skip: tuple[str, ...] = ()
) -> list[str]:
    """The EES rules broken by the written files, one line each naming file, row and rule;
    rules named in `skip` are left out (a simulated release's LAs are not EES's)."""
    problems = []
    for t in files:
        problems += [
            p
            for p in check_tidy_csv(Path(folder) / f"{t.name}.csv")
            if not any(f": rule {rule} " in p for rule in skip)
        ]
    return problems
