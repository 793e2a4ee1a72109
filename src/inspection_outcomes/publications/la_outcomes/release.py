"""Write a complete release into a folder: built in a temporary folder, checked, then moved.

Stages: figures.json, spreadsheets (ODS, XLSX), tidy CSV with metadata, charts and map (SVG),
pages (HTML) and Govspeak, the QA report, the consistency check (a disagreement fails the
build), then manifest.json with every file's SHA-256.

The charts and the two workbooks are made in forked child processes while this process
writes the rest. They need nothing the other stages make, and they are most of the build's
work, mostly importing matplotlib (charts) and pandas (gptables, for the XLSX): on two cores
they run alongside the rest, and a child leaves without tearing those libraries down. Each
workbook child writes and reads back its own file; the charts come back to this process for
the pages. A child's result or error comes back through a pipe, and the build fails (leaving
nothing half-written) when a child fails.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspection_outcomes import __version__
from inspection_outcomes.core.assembler import (
    Forked,
    ReleaseResult,
    assemble,
    refuse_existing,
    release_status,
    timed,
    write_text,
    write_workbook,
)
from inspection_outcomes.core.figures_json import dumps_figures
from inspection_outcomes.core.pages import data_downloads
from inspection_outcomes.errors import ReleaseError
from inspection_outcomes.publications.la_outcomes.consistency import check_figures
from inspection_outcomes.publications.la_outcomes.engine import EngineRun, build_release_content
from inspection_outcomes.publications.la_outcomes.qa import qa_report
from inspection_outcomes.publications.la_outcomes.revisions import VINTAGE, write_vintage

if TYPE_CHECKING:
    from inspection_outcomes.core.content import ReleaseContent


def _write_la_pages(run: EngineRun, content: ReleaseContent, tmp: Path) -> None:
    """la/index.html, la/<GSS>.html for every LA, their script and data/la_profiles.csv."""
    from inspection_outcomes.publications.la_outcomes.la_pages.pages import render_la_pages
    from inspection_outcomes.publications.la_outcomes.profiles.build import build_profiles
    from inspection_outcomes.publications.la_outcomes.profiles.directory import LaDirectory
    from inspection_outcomes.publications.la_outcomes.profiles.neighbours import (
        neighbour_source,
    )

    directory = LaDirectory.of(run.warehouse)
    profiles = build_profiles(
        run.warehouse,
        run.spec,
        neighbour_source(run.warehouse, directory),
        directory=directory,
    )
    for name, text in render_la_pages(content, profiles).items():
        write_text(tmp / name, text)


def write_release(
    run: EngineRun,
    out: Path,
    *,
    force: bool = False,
    corrections: Path | None = None,
    producer: str | None = None,
    assurer: str | None = None,
    publication_date: str | None = None,
    extra: Callable[[Path, dict[str, Any]], None] | None = None,
) -> ReleaseResult:
    """Build the release for `run` into `out` (refusing to replace it without force)."""
    from inspection_outcomes.publications.la_outcomes import charts
    from inspection_outcomes.publications.la_outcomes.workbook import build_workbook

    started = time.perf_counter()
    out = refuse_existing(out, force)
    stages: dict[str, float] = {}
    content = timed(
        stages,
        "tables",
        lambda: build_release_content(
            run, producer=producer, assurer=assurer, publication_date=publication_date
        ),
    )
    status = release_status(producer, assurer)

    def fill(tmp: Path) -> dict[str, Any]:
        wb = timed(stages, "workbook", lambda: build_workbook(content))
        children: dict[str, Forked] = {}

        def result(name: str) -> Any:
            waited = time.perf_counter()
            value, stages[name] = children[name].result()
            stages["wait"] = stages.get("wait", 0.0) + time.perf_counter() - waited
            return value

        # Objects made so far live until the end: the collector (here and in the children)
        # need not walk them again, and the children's pages stay shared with this process.
        gc.freeze()
        try:
            children["charts"] = Forked(partial(charts.build_charts, content))
            children["xlsx"] = Forked(partial(write_workbook, wb, tmp, "xlsx"))
            children["ods"] = Forked(partial(write_workbook, wb, tmp, "ods"))
            # imported once the children run: only this process needs them
            from inspection_outcomes.publications.la_outcomes import govspeak, pages, tidy
            from inspection_outcomes.publications.la_outcomes import map as la_map
            from inspection_outcomes.publications.la_outcomes.findings_check import check_findings

            write_text(tmp / "figures.json", dumps_figures(run.figures))
            timed(stages, "csv", lambda: tidy.write_tidy_csv(content, tmp / "data"))
            map_chart = timed(
                stages, "map", lambda: la_map.build_map(content, lambda c: f"la/{c}.html")
            )
            timed(stages, "la_pages", lambda: _write_la_pages(run, content, tmp))
            report = timed(stages, "qa", lambda: qa_report(run, corrections))
            problems = timed(
                stages, "consistency", lambda: check_figures(run.figures) + check_findings(content)
            )
            problems += timed(
                stages, "csv", lambda: tidy.check_tidy_csv_files(content, tmp / "data")
            )
            timed(stages, "vintage", lambda: write_vintage(run, tmp / VINTAGE, corrections))
            chart_list = result("charts")
            for c in [*chart_list, *([map_chart] if map_chart else [])]:
                write_text(tmp / "charts" / f"{c.id}.svg", c.svg)
            missing = charts.chart_notes(content)
            timed(
                stages,
                "pages",
                lambda: pages.write_pages(
                    content,
                    chart_list,
                    map_chart,
                    tmp,
                    missing_notes=missing,
                    downloads=data_downloads(tmp, tidy.descriptions(content)),
                ),
            )
            timed(
                stages,
                "govspeak",
                lambda: govspeak.write_govspeak(
                    content, chart_list, tmp / "main-findings.govspeak.md", map_chart=map_chart
                ),
            )
            problems += result("xlsx") + result("ods")
        finally:
            for child in children.values():
                child.stop()
            gc.unfreeze()
        from inspection_outcomes.publications.la_outcomes.qa_page import write_qa_page

        report["consistency"] = {"passed": not problems, "problems": problems}
        write_text(tmp / "qa-report.json", dumps_figures(report))
        timed(stages, "qa", lambda: write_qa_page(report, content, tmp / "quality-assurance.html"))
        if problems:
            raise ReleaseError(
                "consistency check failed: "
                + "; ".join(problems[:5])
                + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
            )
        if extra:
            extra(tmp, report)
        return {
            "title": content.meta.title,
            "status": status,
            "simulated": content.meta.simulated,
            "software": {"name": "inspection-outcomes", "version": __version__},
            "producer": producer,
            "assurer": assurer,
            "publication_date": publication_date,
            "parameters": {
                "as_at": run.figures["as_at"],
                "publication_cutoff": run.figures["publication_cutoff"],
                "period": run.figures["period"],
                "compare": run.spec.compare,
            },
            "inputs": report["inputs"],
            "corrections_applied": [a.as_dict() for a in run.corrections if a.applied],
        }

    files = assemble(out, fill)
    stages["total"] = time.perf_counter() - started
    return ReleaseResult(out, files, stages, status)
