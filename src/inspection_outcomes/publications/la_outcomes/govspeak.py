"""The main findings as Govspeak, ready to paste into GOV.UK publishing.

Plain markdown plus the Govspeak warning callout (`%...%`) for simulated data and heading ids
(`{#id}`) so that "View data in an accessible format" links reach the annex tables. Charts are
uploaded separately as attachments, so each figure appears here as its title, a description
(the chart's alt text) and a link to its data table.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.sentences import (
    Paragraph,
    check_numbers,
)
from inspection_outcomes.core.types import Chart, DataTable
from inspection_outcomes.publications.la_outcomes.pages import SIMULATED_WARNING, arrange


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    return str(value).replace("|", "\\|").replace("\n", " ")


def table(t: DataTable) -> list[str]:
    """A markdown table: one header row, numbers right-aligned."""
    def numeric(i: int) -> bool:
        return i > 0 and all(isinstance(r[i], int | float) or r[i] is None for r in t.rows)

    lines = ["| " + " | ".join(_cell(c) for c in t.columns) + " |"]
    lines.append("| " + " | ".join("---:" if numeric(i) else "---"
                                   for i in range(len(t.columns))) + " |")
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in t.rows]
    notes = [x for n in t.notes for x in ("", n)]
    return [*lines, *notes]


def _paragraph(p: Paragraph) -> list[str]:
    if p.style == "bullets":
        return [f"- {s.text}" for s in p.sentences]
    return [p.text]


def render_govspeak(content: ReleaseContent, charts: Sequence[Chart],
                    map_chart: Chart | None = None) -> str:
    findings, blocks, extra, annex = arrange(content, charts, map_chart)
    out: list[str] = []

    def add(*lines: str) -> None:
        out.extend(lines)
        out.append("")

    if content.meta.simulated:
        add(f"%{SIMULATED_WARNING}%")
    add("This is the main findings report for the "
        f"{content.meta.title[:1].lower()}{content.meta.title[1:]} release. This publication "
        "includes:")
    add("- main findings", "- underlying data", "- methodology report",
        "- pre-release access list")

    def figure(chart: Chart) -> None:
        add(f"**{chart.title}**")
        add(chart.alt_text)
        if chart.note:
            add(f"Note: {chart.note}")
        add(f"[View data in an accessible format](#data-{chart.id.replace('_', '-')})")

    for block in blocks:
        section = block.section
        if section.id == "further-information" and extra:
            add("## Additional figures")
            for chart in extra:
                figure(chart)
        add(("## " if section.level == 2 else "### ") + section.heading.text)
        for p in section.paragraphs:
            add(*_paragraph(p))
        for item in block.figures:
            if item.chart:
                figure(item.chart)
            elif item.text:
                link = (f" [View the data for this figure](#{item.anchor.replace('_', '-')})"
                        if item.anchor else "")
                add(item.text + link)
        for t in section.tables:
            add(f"**{t.caption}**")
            add(*table(t))
    add("## Annex: data tables for figures")
    add("This section contains the underlying data in an accessible table format for all "
        "figures.")
    for a in annex:
        add(f"### {a.table.caption} {{#{a.anchor.replace('_', '-')}}}")
        add(*table(a.table))
    problems = check_numbers(findings, content.figures)
    if problems:
        from inspection_outcomes.errors import ReleaseError

        raise ReleaseError("the main findings disagree with the figures: " + "; ".join(problems))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def write_govspeak(content: ReleaseContent, charts: Sequence[Chart], path: Path,
                   map_chart: Chart | None = None) -> Path:
    """Write the Govspeak file (rendered and checked before writing)."""
    text = render_govspeak(content, charts, map_chart)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path
