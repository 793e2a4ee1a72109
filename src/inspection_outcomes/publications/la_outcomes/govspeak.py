"""The LA release's main findings as Govspeak, ready to paste into GOV.UK publishing (the
Govspeak itself is written by core/govspeak.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from inspection_outcomes.core.content import DRAFT_MARK, DRAFT_TEXT, ReleaseContent
from inspection_outcomes.core.govspeak import GovspeakText
from inspection_outcomes.core.sentences import (
    check_numbers,
)
from inspection_outcomes.core.types import Chart
from inspection_outcomes.errors import ReleaseError
from inspection_outcomes.publications.la_outcomes.pages import SIMULATED_WARNING, arrange


def render_govspeak(
    content: ReleaseContent, charts: Sequence[Chart], map_chart: Chart | None = None
) -> str:
    """The main findings as Govspeak, checked against the figures."""
    findings, blocks, extra, annex = arrange(content, charts, map_chart)
    doc = GovspeakText()
    if not content.meta.final:
        doc.add(f"%{DRAFT_MARK}. {DRAFT_TEXT}%")
    if content.meta.simulated:
        doc.add(f"%{SIMULATED_WARNING}%")
    doc.add(
        "This is the main findings report for the "
        f"{content.meta.title[:1].lower()}{content.meta.title[1:]} release. This "
        "publication includes:"
    )
    doc.add(
        "- main findings", "- underlying data", "- methodology report", "- pre-release access list"
    )
    for block in blocks:
        if block.section.id == "further-information" and extra:
            doc.add("## Additional figures")
            for chart in extra:
                doc.figure(chart)
        doc.block(block)
    doc.annex(annex)
    problems = check_numbers(findings, content.figures)
    if problems:
        raise ReleaseError("the main findings disagree with the figures: " + "; ".join(problems))
    return doc.text()


def write_govspeak(
    content: ReleaseContent, charts: Sequence[Chart], path: Path, map_chart: Chart | None = None
) -> Path:
    """Write the Govspeak file (rendered and checked before writing)."""
    text = render_govspeak(content, charts, map_chart)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path
