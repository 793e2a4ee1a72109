"""The Govspeak version of the main findings: same text and numbers, valid markdown."""

from __future__ import annotations

import re
from pathlib import Path

from inspection_outcomes.core.content import DRAFT_MARK, DRAFT_TEXT
from inspection_outcomes.publications.la_outcomes.charts import build_charts
from inspection_outcomes.publications.la_outcomes.findings import build_findings
from inspection_outcomes.publications.la_outcomes.govspeak import render_govspeak, write_govspeak
from inspection_outcomes.publications.la_outcomes.pages import SIMULATED_WARNING
from tests.test_findings_support import engine_content, published_content


def test_govspeak_has_every_sentence_and_heading(shared: Path) -> None:
    content = engine_content(shared)
    text = render_govspeak(content, build_charts(content))
    findings = build_findings(content.figures)
    for section in findings.sections:
        marker = "## " if section.level == 2 else "### "
        assert f"\n{marker}{section.heading.text}\n" in text
        for p in section.paragraphs:
            for s in p.sentences:
                assert s.text in text
    assert "## Annex: data tables for figures" in text
    assert "%" + SIMULATED_WARNING not in text


def test_tables_are_well_formed_markdown(shared: Path) -> None:
    content = published_content(shared)
    text = render_govspeak(content, build_charts(content))
    blocks = re.findall(r"((?:^\|.*\|\n)+)", text, flags=re.M)
    assert len(blocks) >= 5  # table 1 and the four figures' data
    for block in blocks:
        rows = block.strip("\n").split("\n")
        widths = {len(re.findall(r"(?<!\\)\|", r)) for r in rows}
        assert len(widths) == 1, block
        assert re.fullmatch(r"\|( ---:? \|)+", rows[1]), rows[1]
    # Each figure's link reaches a heading id in the annex.
    for anchor in re.findall(r"\]\(#([a-z0-9-]+)\)", text):
        assert "{#" + anchor + "}" in text


def test_simulated_warning_callout_and_file_written(shared: Path, tmp_path: Path) -> None:
    content = published_content(shared, simulated=True)
    path = write_govspeak(content, build_charts(content), tmp_path / "main_findings.md")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"%{DRAFT_MARK}. {DRAFT_TEXT}%\n\n%{SIMULATED_WARNING}%\n")
    assert "60% of LAs were judged to be good or outstanding" in text
    again = write_govspeak(content, build_charts(content), tmp_path / "again.md")
    assert again.read_bytes() == path.read_bytes()


def test_a_final_release_never_says_draft(shared: Path, tmp_path: Path) -> None:
    content = published_content(shared, final=True)
    text = write_govspeak(content, build_charts(content), tmp_path / "final.md").read_text()
    assert "Draft" not in text and "not for publication" not in text
