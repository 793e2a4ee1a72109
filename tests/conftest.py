"""Shared test fixtures: where the real data lives, and the rule for when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def require_shared() -> Path:
    """The ../shared folder; skip where absent (a user's clone) but fail in CI."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing: CI always has ../shared")
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def shared() -> Path:
    return require_shared()
