"""Untrusted text never reaches a reader as markup: hostile values in the inputs come out inert.

Inputs are copies of the real shared files with hostile values written into the fields a
source keeps as found; every output built from them is read back.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

OUTCOMES = [sys.executable, "-m", "inspection_outcomes"]
ROOT = Path(__file__).resolve().parents[1]
IMG = "<img src=x onerror=alert(1)>"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*OUTCOMES, *args], capture_output=True, text=True, timeout=600)


class Elements(HTMLParser):
    """Every start tag of a page with its attribute names."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(a for a, _ in attrs))))


def elements(html: str) -> set[tuple[str, tuple[str, ...]]]:
    p = Elements()
    p.feed(html)
    return set(p.tags)


def test_flagged_grade_is_shown_as_text_on_the_qa_page(shared: Path, tmp_path: Path) -> None:
    src = shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    with src.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    rows[1][rows[0].index("overall_effectiveness_grade")] = IMG
    hostile = tmp_path / "history.csv"
    with hostile.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    p = run("release", "--as-at", "2024-03-31", "--source", f"d2i:{hostile}",
            "--out", str(tmp_path / "release"))
    assert p.returncode == 0, p.stderr
    page = (tmp_path / "release" / "quality-assurance.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert not any(tag == "img" for tag, _ in elements(page))
