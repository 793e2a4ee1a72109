"""The documentation describes the schema the code uses."""

from __future__ import annotations

from pathlib import Path

from inspection_outcomes.model.events import SCHEMA

ROOT = Path(__file__).resolve().parents[1]


def test_canonical_records_doc_lists_every_column_in_order() -> None:
    text = (ROOT / "docs" / "canonical-records.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    documented = [line.split("`")[1] for line in rows]
    assert documented == [name for name, _, _ in SCHEMA]


def test_readme_gives_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
