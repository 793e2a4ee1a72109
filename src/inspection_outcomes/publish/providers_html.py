"""The providers release's findings page: the LA pages' templates, assets and conventions.

One page (index.html, extending base.html.j2 with the shared macros): the findings generated
from the figures, each chart as an SVG image with alt text and a link to its data table in the
annex. The text is checked against the figures before anything is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from inspection_outcomes.errors import ReleaseError
from inspection_outcomes.publish import findings as fd
from inspection_outcomes.publish import providers_findings as pf
from inspection_outcomes.publish.html import (
    SIMULATED_WARNING,
    AnnexItem,
    Block,
    FigureItem,
    environment,
    write_site,
)
from inspection_outcomes.publish.types import Chart
from inspection_outcomes.release.content import ReleaseContent

NAV = (("index.html", "Main findings"),)


def _numbered(chart: Chart, n: int) -> Chart:
    title = f"Figure {n}: {chart.title}"
    table = dataclasses.replace(chart.table, caption=f"Data for {title}")
    return dataclasses.replace(chart, title=title, table=table)


def arrange(content: ReleaseContent, charts: Sequence[Chart],
            missing_notes: dict[str, str]) -> tuple[fd.Findings, list[Block], list[AnnexItem]]:
    """Findings with the charts numbered in order of appearance, and the annex."""
    findings = pf.build_providers_findings(content.figures, f"Main findings: "
                                                             f"{content.meta.title}")
    by_id = {c.id: c for c in charts}
    blocks: list[Block] = []
    annex: list[AnnexItem] = []
    for section in findings.sections:
        items = []
        for fid in section.figure_ids:
            chart = by_id.get(fid)
            if chart is not None:
                numbered = _numbered(chart, len(annex) + 1)
                annex.append(AnnexItem(numbered.table, f"data-{chart.id}", f"figure-{chart.id}",
                                       numbered.title))
                items.append(FigureItem(chart=numbered))
            elif fid in missing_notes:
                items.append(FigureItem(text=missing_notes[fid]))
        blocks.append(Block(section, items))
    return findings, blocks, annex


def render_providers_pages(content: ReleaseContent, charts: Sequence[Chart],
                           missing_notes: dict[str, str]) -> dict[str, str]:
    """index.html and charts/*.svg in memory; a ReleaseError when text and figures disagree."""
    findings, blocks, annex = arrange(content, charts, missing_notes)
    problems = pf.check_providers_numbers(findings, content.figures)
    if problems:
        raise ReleaseError("the main findings disagree with the figures: " + "; ".join(problems))
    meta = content.meta
    page = environment().get_template("providers_index.html.j2").render(
        meta=meta, nav=NAV, current="index.html", simulated_warning=SIMULATED_WARNING,
        publication_date=fd.long_date(meta.publication_date) if meta.publication_date else "",
        caption="Official statistics", page_title="Main findings", page_title_suffix=True,
        blocks=blocks, annex=annex)
    pages = {"index.html": page}
    for item in (i for b in blocks for i in b.figures if i.chart):
        assert item.chart is not None
        pages[f"charts/{item.chart.id}.svg"] = item.chart.svg
    return pages


def write_providers_pages(content: ReleaseContent, charts: Sequence[Chart],
                          missing_notes: dict[str, str], out_dir: Path) -> list[Path]:
    """Write the page, its charts and the GOV.UK Frontend assets into out_dir."""
    return write_site(render_providers_pages(content, charts, missing_notes), out_dir)
