"""Shared test fixtures: where the real data lives, the rule for when it is absent, and the
releases built from it once a session by `outcomes` as a user runs it (LA 2024, providers 2025
from the ODS, providers 2024 from the CSV)."""

from __future__ import annotations

import os
import subprocess
import sys
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


OUTCOMES = [sys.executable, "-m", "inspection_outcomes"]


def _build(args: list[str]) -> Path:
    out = Path(args[args.index("--out") + 1])
    p = subprocess.run([*OUTCOMES, *args], capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    return out


@pytest.fixture(scope="session")
def releases(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("links")
    history = shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    ods = shared / "data" / "providers" / "childrens_social_care_data_2025_provider_level.ods"
    csv24 = shared / "data" / "providers" / "provider_level_at_31_march_2024.csv"
    return {
        "la": _build(
            [
                "release",
                "--as-at",
                "2024-03-31",
                "--source",
                f"d2i:{history}",
                "--corrections",
                "corrections/d2i-ilacs.csv",
                "--out",
                str(root / "la"),
            ]
        ),
        "providers-2025": _build(
            [
                "providers",
                "release",
                "--as-at",
                "2025-03-31",
                "--source",
                f"ofsted-providers:{ods}",
                "--in-year-source",
                f"ofsted-providers:{ods}",
                "--previous-source",
                f"ofsted-providers:{csv24}",
                "--out",
                str(root / "p25"),
            ]
        ),
        "providers-2024": _build(
            [
                "providers",
                "release",
                "--as-at",
                "2024-03-31",
                "--source",
                f"ofsted-providers:{csv24}",
                "--out",
                str(root / "p24"),
            ]
        ),
    }


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The simulated release `outcomes demo` builds (no ../shared needed)."""
    out = tmp_path_factory.mktemp("demo") / "demo"
    p = subprocess.run(
        [sys.executable, "-m", "inspection_outcomes", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr
    return out
