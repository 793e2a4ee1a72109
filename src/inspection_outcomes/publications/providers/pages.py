"""The providers release's pages: the LA pages' templates, assets and conventions.

index.html (extending base.html.j2 with the shared macros): the findings generated from the
figures, each chart as an SVG image with alt text and a link to its data table in the annex;
methodology.html and glossary.html, written for this release's parameters. A release whose
in-year period is shorter than a year says on every page that its in-period data are
provisional. The text is checked against the figures before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.pages import (
    GLOSSARY,
    PRE_RELEASE,
    SIMULATED_WARNING,
    AnnexItem,
    Block,
    Download,
    FigureItem,
    environment,
    number_chart,
    pre_release_table,
    write_site,
)
from inspection_outcomes.core.sentences import (
    Findings,
    long_date,
)
from inspection_outcomes.core.types import Chart
from inspection_outcomes.errors import ReleaseError
from inspection_outcomes.publications.providers import common as pc
from inspection_outcomes.publications.providers import findings as pf
from inspection_outcomes.publications.providers import methodology as pmeth

#: This publication's templates, named by their path from the package (core/pages.py).
TEMPLATES = "publications/providers/templates/"

NAV = (
    ("index.html", "Main findings"),
    ("methodology.html", "Methodology"),
    ("glossary.html", "Glossary"),
    ("pre-release-access.html", "Pre-release access"),
)


def arrange(
    content: ReleaseContent, charts: Sequence[Chart], missing_notes: dict[str, str]
) -> tuple[Findings, list[Block], list[AnnexItem]]:
    """Findings with the charts numbered in order of appearance, and the annex."""
    findings = pf.build_providers_findings(content.figures, f"Main findings: {content.meta.title}")
    by_id = {c.id: c for c in charts}
    blocks: list[Block] = []
    annex: list[AnnexItem] = []
    for section in findings.sections:
        items = []
        for fid in section.figure_ids:
            chart = by_id.get(fid)
            if chart is not None:
                numbered = number_chart(chart, len(annex) + 1)
                annex.append(
                    AnnexItem(
                        numbered.table, f"data-{chart.id}", f"figure-{chart.id}", numbered.title
                    )
                )
                items.append(FigureItem(chart=numbered))
            elif fid in missing_notes:
                items.append(FigureItem(text=missing_notes[fid]))
        blocks.append(Block(section, items))
    return findings, blocks, annex


def render_providers_pages(
    content: ReleaseContent,
    charts: Sequence[Chart],
    missing_notes: dict[str, str],
    downloads: Sequence[Download] = (),
) -> dict[str, str]:
    """The pages and charts/*.svg in memory; a ReleaseError when text and figures disagree."""
    findings, blocks, annex = arrange(content, charts, missing_notes)
    problems = pf.check_providers_numbers(findings, content.figures)
    if problems:
        raise ReleaseError("the main findings disagree with the figures: " + "; ".join(problems))
    meta = content.meta
    f = content.figures
    iy = f["in_year_overall_effectiveness"]
    env = environment()
    common: dict[str, Any] = {
        "meta": meta,
        "nav": NAV,
        "simulated_warning": SIMULATED_WARNING,
        "publication_date": long_date(meta.publication_date) if meta.publication_date else "",
        "caption": "Official statistics",
        "page_title_suffix": True,
        "as_at": long_date(f["latest_overall_effectiveness"]["as_at"]),
        "period_start": long_date(iy["start"]),
        "period_end": long_date(iy["end"]),
        "downloads": list(downloads),
    }
    pages = {
        "index.html": env.get_template(TEMPLATES + "index.html.j2").render(
            **common, current="index.html", page_title="Main findings", blocks=blocks, annex=annex
        ),
        "methodology.html": env.get_template(TEMPLATES + "methodology.html.j2").render(
            **common,
            current="methodology.html",
            page_title="Methodology report",
            parameters=pmeth.parameters(f, meta.provisional),
            sources=pmeth.sources(f),
            not_held=pmeth.not_held(f),
            frameworks=pmeth.frameworks(),
            statements=pmeth.statements(f),
            groups=pmeth.groups(),
            sector_rule=pmeth.sector_rule(f),
            min_for_percent=pc.MIN_FOR_PERCENT,
            producer=meta.producer,
            assurer=meta.assurer,
        ),
        "glossary.html": env.get_template(GLOSSARY).render(
            **common, current="glossary.html", page_title="Glossary", terms=pmeth.glossary_terms(f)
        ),
        "pre-release-access.html": env.get_template(PRE_RELEASE).render(
            **common,
            current="pre-release-access.html",
            page_title="Pre-release access list",
            table=pre_release_table(),
        ),
    }
    for item in (i for b in blocks for i in b.figures if i.chart):
        assert item.chart is not None
        pages[f"charts/{item.chart.id}.svg"] = item.chart.svg
    return pages


def write_providers_pages(
    content: ReleaseContent,
    charts: Sequence[Chart],
    missing_notes: dict[str, str],
    out_dir: Path,
    downloads: Sequence[Download] = (),
) -> list[Path]:
    """Write the pages, their charts and the GOV.UK Frontend assets into out_dir."""
    return write_site(render_providers_pages(content, charts, missing_notes, downloads), out_dir)
