"""Govspeak (GOV.UK publishing's markdown) for a release's main findings, in any publication.

Plain markdown plus the Govspeak warning callout (`%...%`) for simulated data and heading ids
(`{#id}`) so that "View data in an accessible format" links reach the annex tables. Charts are
uploaded separately as attachments, so each figure appears as its title, a description (the
chart's alt text) and a link to its data table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from inspection_outcomes.core.pages import AnnexItem, Block
from inspection_outcomes.core.sentences import Paragraph
from inspection_outcomes.core.types import Chart, DataTable


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    return str(value).replace("|", "\\|").replace("\n", " ")


def table(t: DataTable) -> list[str]:
    """A markdown table: one header row, numbers right-aligned."""

    def numeric(i: int) -> bool:
        return i > 0 and all(isinstance(r[i], int | float) or r[i] is None for r in t.rows)

    lines = ["| " + " | ".join(_cell(c) for c in t.columns) + " |"]
    lines.append(
        "| " + " | ".join("---:" if numeric(i) else "---" for i in range(len(t.columns))) + " |"
    )
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in t.rows]
    notes = [x for n in t.notes for x in ("", n)]
    return [*lines, *notes]


def paragraph(p: Paragraph) -> list[str]:
    if p.style == "bullets":
        return [f"- {s.text}" for s in p.sentences]
    return [p.text]


def _anchor(anchor: str) -> str:
    return anchor.replace("_", "-")


class GovspeakText:
    """Paragraphs (lists of lines) of a Govspeak document, one blank line between them."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)
        self.lines.append("")

    def figure(self, chart: Chart) -> None:
        self.add(f"**{chart.title}**")
        self.add(chart.alt_text)
        if chart.note:
            self.add(f"Note: {chart.note}")
        self.add(f"[View data in an accessible format](#data-{_anchor(chart.id)})")

    def block(self, block: Block) -> None:
        """A section of the findings: heading, paragraphs, figures, tables."""
        section = block.section
        self.add(("## " if section.level == 2 else "### ") + section.heading.text)
        for p in section.paragraphs:
            self.add(*paragraph(p))
        for item in block.figures:
            if item.chart:
                self.figure(item.chart)
            elif item.text:
                link = (
                    f" [View the data for this figure](#{_anchor(item.anchor)})"
                    if item.anchor
                    else ""
                )
                self.add(item.text + link)
        for t in section.tables:
            self.add(f"**{t.caption}**")
            self.add(*table(t))

    def annex(self, annex: Sequence[AnnexItem]) -> None:
        self.add("## Annex: data tables for figures")
        self.add(
            "This section contains the underlying data in an accessible table format for "
            "all figures."
        )
        for a in annex:
            self.add(f"### {a.table.caption} {{#{_anchor(a.anchor)}}}")
            self.add(*table(a.table))

    def text(self) -> str:
        lines = list(self.lines)
        while lines and lines[-1] == "":
            lines.pop()
        return "\n".join(lines) + "\n"
