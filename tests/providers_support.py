"""Helpers for the providers tests: the real files, read once per test session."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from inspection_outcomes.cli import app
from inspection_outcomes.sources import ofsted_providers
from inspection_outcomes.sources.ofsted_providers import ProviderSource, read_provider_source
from tests.conftest import require_shared

CSV_2024 = "provider_level_at_31_march_2024.csv"
ODS_2025 = "childrens_social_care_data_2025_provider_level.ods"


def data_file(name: str) -> Path:
    return require_shared() / "data" / "providers" / name


@cache
def _read(path: str) -> ProviderSource:
    return read_provider_source(path)


def source(name: str) -> ProviderSource:
    """A real provider-level file read once per session (the ODS takes about 1.5 s)."""
    return _read(str(data_file(name)))


def published() -> dict[str, Any]:
    with (require_shared() / "spec" / "published" / "providers_2024.json").open() as f:
        data: dict[str, Any] = json.load(f)
    return data


def run_cli(monkeypatch: pytest.MonkeyPatch, *args: str) -> Any:
    """`outcomes providers figures ...` in process, real files served from the session cache."""

    def cached(path: str | Path) -> ProviderSource:
        p = Path(path)
        if p.parent == data_file(CSV_2024).parent:
            return _read(str(p))
        return read_provider_source(p)

    monkeypatch.setattr(ofsted_providers, "read_provider_source", cached)
    return CliRunner().invoke(app, ["providers", "figures", *args])


def figure_paths(expected: Any, prefix: str = "") -> list[str]:
    """Dotted paths of every published figure (keys starting with '_' are notes)."""
    if isinstance(expected, dict):
        out: list[str] = []
        for k, v in expected.items():
            if not k.startswith("_"):
                out += figure_paths(v, f"{prefix}.{k}" if prefix else k)
        return out
    return [prefix]


def at(data: Any, path: str) -> Any:
    for part in path.split("."):
        data = data[part] if isinstance(data, dict) else None
    return data
