"""Write the complete providers release into a folder, through release_writer's mechanics.

figures.json, the underlying data (ODS and XLSX from one Workbook), tidy CSV with metadata,
charts (SVG), the pages (findings, methodology, glossary: HTML), then consistency checks
(the text against the figures, each spreadsheet read back against the workbook, each CSV
against the standard: a disagreement fails the build) and manifest.json with every file's
SHA-256. Built in a temporary folder and moved into place (`assemble`); an existing folder
needs force.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from inspection_outcomes import __version__
from inspection_outcomes.core.assembler import (
    ReleaseResult,
    assemble,
    refuse_existing,
    release_status,
    sha256,
)
from inspection_outcomes.core.consistency import check_tables_against_readback
from inspection_outcomes.core.content import ReleaseContent, ReleaseMeta
from inspection_outcomes.core.figures_json import dumps_figures
from inspection_outcomes.errors import ReleaseError

WORKBOOK = "underlying-data"


def providers_content(
    figures: dict[str, Any],
    *,
    producer: str | None = None,
    assurer: str | None = None,
    publication_date: str | None = None,
    simulated: bool = False,
) -> ReleaseContent:
    """The release content: the figures (no per-provider table is ever carried); provisional
    when the in-year period is shorter than a year (the 31 August supplementary release)."""
    from inspection_outcomes.publications.providers.common import release_title

    sources = figures["sources"]
    meta = ReleaseMeta(
        title=release_title(figures["latest_overall_effectiveness"]["as_at"]),
        release_kind="providers",
        simulated=simulated,
        producer=producer,
        assurer=assurer,
        publication_date=publication_date,
        provisional=bool(figures["in_year_overall_effectiveness"].get("provisional")),
        source_description=", ".join(
            dict.fromkeys(s for s in (sources["as_at"], sources["in_year"]) if s)
        ),
    )
    return ReleaseContent(meta=meta, figures=figures)


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="\n")
    else:
        path.write_bytes(data)


def write_providers_release(
    figures: dict[str, Any],
    out: Path,
    *,
    inputs: Sequence[Path],
    force: bool = False,
    producer: str | None = None,
    assurer: str | None = None,
    publication_date: str | None = None,
) -> ReleaseResult:
    """Build the providers release for `figures` into `out`; `inputs` are the source files
    (listed in the manifest with their SHA-256)."""
    from inspection_outcomes.core.ods import ods_bytes
    from inspection_outcomes.core.pages import data_downloads
    from inspection_outcomes.core.tidy import check_tidy_files, write_tidy_files
    from inspection_outcomes.core.workbook import (
        Workbook,
        model_rows,
        read_back,
    )
    from inspection_outcomes.core.xlsx import xlsx_bytes
    from inspection_outcomes.publications.providers import tidy as ptc
    from inspection_outcomes.publications.providers.charts import (
        build_providers_charts,
        providers_chart_notes,
    )
    from inspection_outcomes.publications.providers.pages import write_providers_pages
    from inspection_outcomes.publications.providers.workbook import build_providers_workbook

    out = refuse_existing(out, force)
    stages: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        t = time.perf_counter()
        value = fn()
        stages[name] = stages.get(name, 0.0) + time.perf_counter() - t
        return value

    content = providers_content(
        figures, producer=producer, assurer=assurer, publication_date=publication_date
    )
    status = release_status(producer, assurer)

    def fill(tmp: Path) -> dict[str, Any]:
        _write(tmp / "figures.json", dumps_figures(figures))
        wb = timed("spreadsheets", lambda: build_providers_workbook(content))
        books: dict[Path, Callable[[Workbook], bytes]] = {
            tmp / f"{WORKBOOK}.ods": ods_bytes,
            tmp / f"{WORKBOOK}.xlsx": xlsx_bytes,
        }
        for path, writer in books.items():
            timed("spreadsheets", lambda: _write(path, writer(wb)))  # noqa: B023 (called now)
        files = ptc.providers_tidy_files(content)
        timed(
            "csv",
            lambda: write_tidy_files(
                files, ptc.providers_data_guidance(files, content), tmp / "data"
            ),
        )
        charts = timed("charts", lambda: build_providers_charts(content))
        timed(
            "pages",
            lambda: write_providers_pages(
                content,
                charts,
                providers_chart_notes(content),
                tmp,
                data_downloads(tmp, {t.name: t.description for t in files}),
            ),
        )

        problems: list[str] = []
        for path in books:
            problems += [
                f"{path.name}: {p}"
                for p in check_tables_against_readback(model_rows(wb), read_back(path))
            ]
        skip = ("geog_la_combos",) if content.meta.simulated else ()
        problems += check_tidy_files(files, tmp / "data", skip=skip)
        if problems:
            raise ReleaseError(
                "consistency check failed: "
                + "; ".join(problems[:5])
                + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
            )
        iy = figures["in_year_overall_effectiveness"]
        return {
            "title": content.meta.title,
            "status": status,
            "simulated": content.meta.simulated,
            "software": {"name": "inspection-outcomes", "version": __version__},
            "producer": producer,
            "assurer": assurer,
            "publication_date": publication_date,
            "parameters": {
                "as_at": figures["latest_overall_effectiveness"]["as_at"],
                "period": {"start": iy["start"], "end": iy["end"]},
                "sector_rule": figures["rules"]["sector"],
            },
            "inputs": [
                {"path": p.name, "sha256": sha256(p)}
                for p in sorted(set(inputs), key=lambda p: p.name)
            ],
        }

    files = assemble(out, fill)
    return ReleaseResult(out, files, stages, status)
