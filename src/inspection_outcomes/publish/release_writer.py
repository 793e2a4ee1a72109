"""Write a complete release into a folder: built in a temporary folder, checked, then moved.

Stages: figures.json, spreadsheets (ODS, XLSX), tidy CSV with metadata, charts and map (SVG),
pages (HTML) and Govspeak, the QA report, the consistency check (a disagreement fails the
build), then manifest.json with every file's SHA-256.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspection_outcomes import __version__
from inspection_outcomes.checks.consistency import check_figures, check_tables_against_readback
from inspection_outcomes.checks.qa import qa_report, sha256
from inspection_outcomes.errors import ReleaseError
from inspection_outcomes.publish.figures_json import dumps_figures
from inspection_outcomes.release.build import EngineRun, build_release_content
from inspection_outcomes.release.revisions import VINTAGE, write_vintage


@dataclass
class ReleaseResult:
    out: Path
    files: list[str]
    stage_seconds: dict[str, float] = field(default_factory=dict)
    status: str = "draft"


def _timed(stages: dict[str, float], name: str, fn: Callable[[], Any]) -> Any:
    t = time.perf_counter()
    value = fn()
    stages[name] = stages.get(name, 0.0) + time.perf_counter() - t
    return value


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def release_status(producer: str | None, assurer: str | None) -> str:
    """Final only when produced and assured by two different people (the methodology's QA)."""
    if producer and assurer and producer.strip().lower() != assurer.strip().lower():
        return "final"
    return "draft"


def write_release(run: EngineRun, out: Path, *, force: bool = False,
                  corrections: Path | None = None, producer: str | None = None,
                  assurer: str | None = None, publication_date: str | None = None,
                  extra: Callable[[Path, dict[str, Any]], None] | None = None) -> ReleaseResult:
    """Build the release for `run` into `out` (refusing to replace it without force)."""
    from inspection_outcomes.checks.findings_check import check_findings
    from inspection_outcomes.publish import charts, govspeak, hexmap, html, ods, tidy_csv, xlsx
    from inspection_outcomes.publish.qa_page import write_qa_page
    from inspection_outcomes.publish.spreadsheet import build_workbook, model_rows, read_back

    out = refuse_existing(out, force)
    stages: dict[str, float] = {}
    content = _timed(stages, "tables", lambda: build_release_content(
        run, producer=producer, assurer=assurer, publication_date=publication_date))
    status = release_status(producer, assurer)

    def fill(tmp: Path) -> dict[str, Any]:
        _write_text(tmp / "figures.json", dumps_figures(run.figures))
        wb = _timed(stages, "spreadsheets", lambda: build_workbook(content))
        ods_path = tmp / "underlying-data.ods"
        xlsx_path = tmp / "underlying-data.xlsx"
        _timed(stages, "spreadsheets", lambda: ods.write_ods(content, ods_path))
        _timed(stages, "spreadsheets", lambda: xlsx.write_xlsx(content, xlsx_path))
        _timed(stages, "csv", lambda: tidy_csv.write_tidy_csv(content, tmp / "data"))
        chart_list = _timed(stages, "charts", lambda: charts.build_charts(content))
        map_chart = _timed(stages, "map", lambda: hexmap.build_map(content))
        for c in [*chart_list, map_chart]:
            _write_text(tmp / "charts" / f"{c.id}.svg", c.svg)
        missing = charts.chart_notes(content)
        _timed(stages, "pages", lambda: html.write_pages(
            content, chart_list, map_chart, tmp, missing_notes=missing))
        _timed(stages, "govspeak", lambda: govspeak.write_govspeak(
            content, chart_list, tmp / "main-findings.govspeak.md", map_chart=map_chart))
        report = _timed(stages, "qa", lambda: qa_report(run, corrections))

        def consistency() -> list[str]:
            problems = check_figures(run.figures)
            problems += check_findings(content)
            for path in (ods_path, xlsx_path):
                problems += [f"{path.name}: {p}" for p in check_tables_against_readback(
                    model_rows(wb), read_back(path))]
            return problems

        problems = _timed(stages, "consistency", consistency)
        report["consistency"] = {"passed": not problems, "problems": problems}
        _write_text(tmp / "qa-report.json", dumps_figures(report))
        _timed(stages, "qa", lambda: write_qa_page(report, content,
                                                    tmp / "quality-assurance.html"))
        if problems:
            raise ReleaseError("consistency check failed: " + "; ".join(problems[:5])
                               + (f" (and {len(problems) - 5} more)" if len(problems) > 5
                                  else ""))
        _timed(stages, "vintage", lambda: write_vintage(run, tmp / VINTAGE, corrections))
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
            "parameters": {"as_at": run.figures["as_at"],
                           "publication_cutoff": run.figures["publication_cutoff"],
                           "period": run.figures["period"],
                           "compare": run.spec.compare},
            "inputs": report["inputs"],
            "corrections_applied": [a.as_dict() for a in run.corrections if a.applied],
        }

    files = assemble(out, fill)
    return ReleaseResult(out, files, stages, status)


def refuse_existing(out: Path, force: bool) -> Path:
    """The absolute target folder; a ReleaseError when it exists and force is not given."""
    out = out.resolve()
    if out.exists() and not force:
        raise ReleaseError(f"{out} exists: use --force to replace it")
    return out


def assemble(out: Path, fill: Callable[[Path], dict[str, Any]]) -> list[str]:
    """Build a release in a temporary folder beside `out`, then move it into place.

    `fill` writes the files into the folder it is given and returns the manifest's fields;
    manifest.json gets them plus every file's SHA-256. Modification times are fixed, and a
    failure anywhere leaves `out` as it was (nothing half-written). Returns the files, sorted,
    then manifest.json.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        manifest = fill(tmp)
        files = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
        manifest["files"] = [{"path": f, "sha256": sha256(tmp / f)} for f in files]
        _write_text(tmp / "manifest.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        for p in tmp.rglob("*"):
            os.utime(p, (0, 0))
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
        return [*files, "manifest.json"]
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
