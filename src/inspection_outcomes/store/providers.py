"""The providers warehouse: canonical provider records in an in-memory DuckDB, and the SQL models.

The models live in the readable .sql files of store/models/providers/, in layers (staging,
rules, summaries) run in the order of store/layers.py. Staging makes the tables the rules read
beside the canonical ones: the provider groups and the one-row ``settings`` table (release
date, in-year period, sector rule), which this module fills from the reference data and the
release. The summaries are tables in long form, one per concept, that
publications/providers/figures.py shapes into the figures dict.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from inspection_outcomes.model import providers as pm
from inspection_outcomes.model.ees_geography import ees_la, region_of_ofsted
from inspection_outcomes.model.local_authorities import all_local_authorities
from inspection_outcomes.store.layers import run_models


@dataclass(frozen=True)
class Settings:
    as_at: date
    period_start: date
    period_end: date
    sector_rule: pm.SectorRule


def _load(
    con: duckdb.DuckDBPyConnection,
    table: str,
    schema: tuple[tuple[str, str, str], ...],
    rows: Sequence[tuple[object, ...]],
) -> None:
    """Create a canonical table and bulk-load its rows.

    Rows go through a temporary CSV file: row-by-row inserts take most of a minute for a
    year's providers, and a data-frame library costs seconds to import.
    """
    con.execute(pm.ddl(table, schema))
    if not rows:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(
                ["" if v is None else v for v in row] for row in rows
            )
        columns = ", ".join(f"'{name}': '{typ}'" for name, typ, _ in schema)
        con.execute(
            f"INSERT INTO {table} SELECT * FROM read_csv(?, header = false, delim = ',', "
            f"quote = '\"', escape = '\"', nullstr = '', auto_detect = false, "
            f"columns = {{{columns}}})",
            [str(path)],
        )


def build(
    settings: Settings,
    providers: Sequence[pm.ProviderRecord] = (),
    register: Sequence[pm.ProviderRecord] = (),
    events: Sequence[pm.ProviderEvent] = (),
    joiners_leavers: Sequence[pm.JoinerLeaver] = (),
) -> duckdb.DuckDBPyConnection:
    """Load canonical records into a new in-memory DuckDB and run the models in order: the
    staging tables are filled (provider groups, settings) before the rules run."""
    con = duckdb.connect(":memory:")
    _load(con, "providers", pm.PROVIDER_SCHEMA, [r.as_row() for r in providers])
    _load(con, "register", pm.PROVIDER_SCHEMA, [r.as_row() for r in register])
    _load(con, "provider_events", pm.EVENT_SCHEMA, [r.as_row() for r in events])
    _load(con, "joiners_leavers", pm.JOINER_LEAVER_SCHEMA, [r.as_row() for r in joiners_leavers])
    run_models(con, "providers", ("staging",))
    con.executemany(
        "INSERT INTO group_members VALUES (?, ?, ?)",
        [
            (t, g, "supported_accommodation" if g in pm.SA_GROUPS else "four_point")
            for t, g in pm.group_members()
        ],
    )
    con.execute(
        "INSERT INTO settings VALUES (?, ?, ?, ?)",
        [
            settings.as_at,
            settings.period_start,
            settings.period_end,
            settings.sector_rule.trusts_as_la,
        ],
    )
    con.executemany("INSERT INTO la_ons_regions VALUES (?, ?, ?)", la_ons_regions())
    con.executemany(
        "INSERT INTO ofsted_ons_regions VALUES (?, ?, ?)",
        [
            (name, r.code, r.name)
            for name in dict.fromkeys(la.region for la in all_local_authorities())
            if (r := region_of_ofsted(name)) is not None
        ],
    )
    run_models(con, "providers", ("rules", "summaries"))
    return con


def la_ons_regions() -> list[tuple[str, str, str]]:
    """(LA name or alias, ONS region code, region name), for each name that names LAs of one
    ONS region only (so a provider is never counted twice)."""
    found: dict[str, set[tuple[str, str]]] = {}
    for la in all_local_authorities():
        ees = ees_la(la.la_code)
        if ees is not None:
            for name in (la.name, *la.aliases):
                found.setdefault(name, set()).add((ees.region.code, ees.region.name))
    return [(name, *next(iter(r))) for name, r in sorted(found.items()) if len(r) == 1]
