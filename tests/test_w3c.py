"""Every page and chart of a release passes the W3C Nu HTML Checker (the vnu-jar npm package,
run with Java): HTML pages as HTML, the standalone charts and map as SVG."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser_support import ROOT, needs

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _release(*args: str) -> None:
    p = subprocess.run(
        [sys.executable, "-m", "inspection_outcomes", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr


@pytest.fixture(scope="module")
def releases(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("w3c")
    _release(
        "release",
        "--as-at",
        "2024-03-31",
        "--source",
        f"d2i:{shared / 'data' / 'ilacs' / 'ofsted_csc_ilacs_history.csv'}",
        "--corrections",
        str(ROOT / "corrections" / "d2i-ilacs.csv"),
        "--out",
        str(root / "la"),
    )
    _release(
        "providers",
        "release",
        "--as-at",
        "2025-03-31",
        "--source",
        "ofsted-providers:"
        + str(shared / "data" / "providers" / "childrens_social_care_data_2025_provider_level.ods"),
        "--out",
        str(root / "providers"),
    )
    _release("demo", "--out", str(root / "demo"))
    return [root / "la", root / "providers", root / "demo"]


def vnu(*args: str | Path) -> list[dict[str, object]]:
    """The checker's errors (JSON messages of type "error")."""
    needs(VNU, "npm ci")
    java = shutil.which("java")
    if java is None:
        needs(Path("/usr/bin/java"), "apt-get install default-jre-headless")
    p = subprocess.run(
        [java or "java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages: list[dict[str, object]] = json.loads(p.stderr or "{}").get("messages", [])
    return [m for m in messages if m.get("type") == "error"]


def test_every_page_is_valid_html(releases: list[Path]) -> None:
    pages = [p for r in releases for p in sorted(r.rglob("*.html"))]
    assert len(pages) >= 13
    errors = vnu(*pages)
    assert errors == [], json.dumps(errors[:10], indent=1)


def test_every_chart_is_valid_svg(releases: list[Path]) -> None:
    charts = [p for r in releases for p in sorted(r.rglob("*.svg")) if "assets" not in p.parts]
    assert len(charts) >= 10
    errors = vnu("--svg", *charts)
    assert errors == [], json.dumps(errors[:10], indent=1)


def test_the_checker_reports_an_invalid_page(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></p></html>")
    assert vnu(bad)
