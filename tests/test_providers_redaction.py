"""No name, address, postcode or owner from the provider data reaches any output."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from inspection_outcomes.model import providers as pm
from inspection_outcomes.model.local_authorities import all_local_authorities
from inspection_outcomes.model.reference import read_table
from inspection_outcomes.publications.providers.figures import IN_YEAR_RULE
from inspection_outcomes.sources.ofsted_providers import decode_text, normalise_header
from tests.providers_support import CSV_2024, ODS_2025, data_file, run_cli

pytestmark = pytest.mark.shared


def _tables() -> list[list[list[Any]]]:
    text, _ = decode_text(data_file(CSV_2024).read_bytes())
    import csv
    import io

    tables = [list(csv.reader(io.StringIO(text)))]
    wb = CalamineWorkbook.from_path(str(data_file(ODS_2025)))
    tables += [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]
    return tables


@cache
def source_values() -> tuple[frozenset[str], str]:
    """(values of name/address/postcode/owner columns, all other cell text of the sources)."""
    sensitive: set[str] = set()
    other: list[str] = []
    for rows in _tables():
        head = next(
            (
                i
                for i, r in enumerate(rows[:20])
                if {"urn", "provision type"} <= {normalise_header(c) for c in r}
            ),
            None,
        )
        if head is None:
            continue
        cols = [normalise_header(c) in pm.SENSITIVE_HEADERS for c in rows[head]]
        for r in rows[head + 1 :]:
            for c, v in zip(cols, r, strict=False):
                text = " ".join(str(v).split())
                (sensitive.add(text) if c else other.append(text))
    # empty, redacted and placeholder cells identify nobody ("NULL" is JSON's own word too)
    return frozenset(sensitive - {"", "REDACTED", "NULL", "N/A"}), "\n".join(other)


def geography() -> list[str]:
    """The names of England's LAs (reference data): the map's areas are named by them, and a
    town in an address column may bear the same name without naming a provider."""
    return [n for la in all_local_authorities() for n in (la.name, *la.aliases)]


def strings(data: Any) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {s for v in data.values() for s in strings(v)}
    if isinstance(data, list):
        return {s for v in data for s in strings(v)}
    return {data} if isinstance(data, str) else set()


RUNS = {
    "2024": [
        "--as-at",
        "2024-03-31",
        "--source",
        "CSV",
        "--in-year-source",
        "ODS",
        "--allow-other-period",
    ],
    "2025": ["--as-at", "2025-03-31", "--source", "ODS"],
}


@pytest.mark.parametrize("run", sorted(RUNS))
def test_no_source_name_or_address_in_any_output(run: str, monkeypatch: pytest.MonkeyPatch) -> None:
    sensitive, other = source_values()
    assert len(sensitive) > 1000  # the files do hold names and addresses (non-children's homes)
    files = {
        "CSV": f"ofsted-providers:{data_file(CSV_2024)}",
        "ODS": f"ofsted-providers:{data_file(ODS_2025)}",
    }
    args = [files.get(a, a) for a in RUNS[run]]
    outputs = []
    for fmt in ("json", "table"):
        r = run_cli(monkeypatch, *args, "--format", fmt)
        assert r.exit_code == 0, r.stderr
        assert r.stderr == ""
        outputs.append(r.stdout)
    figures = json.loads(outputs[0])
    # exact: no string of the figures (key or value) is a name, address, postcode or owner,
    # unless the same text is also an LA, region or other non-identifying value
    leaked = (strings(figures) & sensitive) - set(other.split("\n"))
    assert leaked == set()
    # anywhere in the text: no value appears unless the same text is part of non-identifying
    # text the sources or the release's own wording hold (an LA called as its town is)
    own_words = "\n".join(
        [
            other,
            IN_YEAR_RULE,
            pm.SectorRule().describe(),
            pm.SectorRule("as_recorded").describe(),
            *(r["label"] for r in read_table("provider_groups.csv")),
            *(k.replace("_", " ") for k in strings(figures)),
            *geography(),
        ]
    ).lower()
    for out in outputs:
        assert "REDACTED" not in out
        low = out.lower()
        words = set(re.findall(r"\w+", low))
        candidates = [
            v for v in sensitive if set(re.findall(r"\w+", v.lower())) <= words and v.lower() in low
        ]
        assert [v for v in candidates if v.lower() not in own_words] == []
