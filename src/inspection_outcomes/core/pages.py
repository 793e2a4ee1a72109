"""The pages of a release (GOV.UK Frontend), for every publication: one template environment,
the page parts a publication arranges, and the site writer.

Pages are static, self-contained and deterministic: the GOV.UK Frontend stylesheet and fonts
are copied from the `govuk-frontend` npm package into `assets/` (no CDN), charts are SVG files
under `charts/` shown as images with alt text, and every chart links to its data table in the
annex. Templates are named by their path from the package (core/templates/base.html.j2,
publications/<name>/templates/...), so every publication's pages come from one environment.
"""

from __future__ import annotations

import csv
import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from inspection_outcomes.core.content import DRAFT_MARK, DRAFT_TEXT
from inspection_outcomes.core.sentences import Section
from inspection_outcomes.core.types import Chart, DataTable
from inspection_outcomes.errors import InputError, ReleaseError
from inspection_outcomes.safe_text import plain_text, shown

#: The package folder: templates are named by their path from here.
PACKAGE = Path(__file__).resolve().parents[1]
PRE_RELEASE_CSV = PACKAGE / "config" / "pre_release_access.csv"
#: The glossary page, the same template in every publication (each gives its own terms).
GLOSSARY = "core/templates/glossary.html.j2"
#: The pre-release access page, the same in every publication (config/pre_release_access.csv).
PRE_RELEASE = "core/templates/pre_release_access.html.j2"
GOVUK_SUBDIR = Path("node_modules") / "govuk-frontend" / "dist" / "govuk"


#: Assets the pages use (the stylesheet's fonts and the favicon), copied byte for byte.
ASSETS = (
    "assets/fonts/bold-affa96571d-v2.woff",
    "assets/fonts/bold-b542beb274-v2.woff2",
    "assets/fonts/light-94a07e06a1-v2.woff2",
    "assets/fonts/light-f591b13f7d-v2.woff",
    "assets/images/favicon.ico",
    "assets/images/govuk-crest.svg",  # the footer's crest, from the stylesheet
)


SIMULATED_WARNING = (
    "The data in this release are simulated. They are not real inspection outcomes and must "
    "not be used as official statistics."
)


#: Every page's content security policy: its own files only; no inline script or style, no
#: plug-ins, no forms, no base address (the pages' scripts, where there are any, by file).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)


APP_CSS = """\
.app-figure { margin: 0 0 30px; }
.app-figure__image { display: block; max-width: 100%; height: auto; margin-bottom: 15px; }
.app-contents { margin-bottom: 30px; }
.app-break { overflow-wrap: anywhere; }
.app-content p, .app-content li, .app-content dd { overflow-wrap: anywhere; }
.app-content > p, .app-content > ul, .app-content > h2, .app-content > h3, .app-content > h4,
.app-content > .govuk-caption-l, .app-content > .govuk-inset-text, .app-content > nav,
.app-figure > p, .app-figure > figcaption, .app-figure > details,
.app-title { max-width: 40rem; }
.app-table-container { position: relative; overflow-x: auto; margin-bottom: 20px; }
.app-table-container:focus { outline: 3px solid #ffdd00; }
.app-table-container .govuk-table { margin-bottom: 0; }
.app-table-container .app-caption { display: inline-block; position: sticky; left: 0;
  max-width: calc(100vw - 40px); }
.app-inline-map { display: block; width: 100%; max-width: 36rem; height: auto; margin-bottom: 15px; }
.app-inline-chart { display: block; width: 100%; max-width: 30rem; height: auto; margin-bottom: 15px; }
.app-sort-button { font: inherit; font-weight: bold; color: #1d70b8; background: none; border: 0;
  padding: 0; text-align: left; text-decoration: underline; cursor: pointer; }
.app-sort-button:focus { outline: 3px solid #ffdd00; color: #0b0c0c; background: #ffdd00; }
[aria-sort=ascending] .app-sort-button::after { content: " \\25B2"; }
[aria-sort=descending] .app-sort-button::after { content: " \\25BC"; }
"""


def find_govuk_frontend() -> Path:
    """The govuk-frontend dist folder: $GOVUK_FRONTEND_DIR, or node_modules above here or cwd."""
    env = os.environ.get("GOVUK_FRONTEND_DIR")
    if env:
        candidates = [Path(env)]
    else:
        starts = [Path(__file__).resolve(), Path.cwd().resolve()]
        candidates = [p / GOVUK_SUBDIR for s in starts for p in (s, *s.parents)]
    for c in candidates:
        if (c / "govuk-frontend.min.css").is_file():
            return c
    raise ReleaseError(
        "govuk-frontend not found: run `make node` (npm ci) in the project, or set "
        "GOVUK_FRONTEND_DIR to node_modules/govuk-frontend/dist/govuk"
    )


def read_pre_release(path: Path = PRE_RELEASE_CSV) -> list[tuple[str, str]]:
    """(role, organisation) rows of the pre-release access configuration."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"role", "organisation"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(
                f"columns 'role' and 'organisation' expected, missing {sorted(missing)}",
                file=path,
                row=1,
            )
        rows = []
        for i, r in enumerate(reader, start=2):
            for fieldname in ("role", "organisation"):
                if not (r.get(fieldname) or "").strip():
                    raise InputError(
                        "a non-empty value expected", file=path, row=i, field=fieldname
                    )
                plain_text(r[fieldname], file=path, row=i, field=fieldname)
            rows.append((r["role"].strip(), r["organisation"].strip()))
    return rows


@dataclass
class FigureItem:
    chart: Chart | None = None
    text: str = ""  # shown where a figure is not drawn
    anchor: str = ""


@dataclass
class Block:
    section: Section
    figures: list[FigureItem]


@dataclass
class AnnexItem:
    table: DataTable
    anchor: str
    back: str = ""
    back_label: str = ""


@dataclass(frozen=True)
class Download:
    """A file of the release a page links to, from the release's folder (with its metadata
    file, where it has one)."""

    href: str
    description: str
    meta_href: str = ""


#: Both workbooks, written by every release.
SPREADSHEETS = (
    Download("underlying-data.ods", "Every table of the release (OpenDocument spreadsheet)"),
    Download("underlying-data.xlsx", "The same tables (Excel workbook)"),
)


def data_downloads(folder: Path, descriptions: dict[str, str]) -> list[Download]:
    """The spreadsheets, the data guidance, then each CSV file written under folder/data with
    its metadata file, in name order: a page links only to what was written. `descriptions`
    gives a CSV file's description by its name without .csv."""
    out = list(SPREADSHEETS)
    data = folder / "data"
    names = sorted(p.name for p in data.iterdir()) if data.is_dir() else []
    if "data_guidance.md" in names:
        guidance = "The guidance to the data files: what each holds, its columns and conventions"
        out.append(Download("data/data_guidance.md", guidance + " (Markdown)"))
    for name in names:
        if name.endswith(".csv") and not name.endswith(".meta.csv"):
            stem = name.removesuffix(".csv")
            meta = f"{stem}.meta.csv"
            out.append(
                Download(
                    f"data/{name}",
                    descriptions.get(stem, "Data file (CSV)"),
                    f"data/{meta}" if meta in names else "",
                )
            )
    return out


def pre_release_table(path: Path = PRE_RELEASE_CSV) -> DataTable:
    """The post holders given pre-release access, as the page's table."""
    return DataTable(
        "pre_release",
        "Post holders given pre-release access",
        ["Role", "Organisation"],
        [list(r) for r in read_pre_release(path)],
    )


def number_chart(chart: Chart, n: int) -> Chart:
    title = f"Figure {n}: {chart.title}"
    table = dataclasses.replace(chart.table, caption=f"Data for {title}")
    return dataclasses.replace(chart, title=title, table=table)


def _finalize(value: Any) -> Any:
    """Every value a template writes: text from a source with its hidden characters shown
    (markup the templates built themselves is left alone)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return shown(value)
    return value


def environment() -> Environment:
    """The pages' one Jinja environment: autoescaped (every value is text, never markup),
    strict (a missing value is an error), hidden characters shown."""
    env = Environment(
        loader=FileSystemLoader(str(PACKAGE)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=_finalize,
    )
    env.globals["table_cells"] = table_cells
    env.globals["summary_rows"] = summary_rows
    env.globals["table_body"] = table_body
    env.globals["navigation_items"] = navigation_items
    env.globals["root"] = ""  # a page in a subfolder gives "../"
    env.globals["draft_mark"] = DRAFT_MARK
    env.globals["draft_text"] = DRAFT_TEXT
    env.globals["content_security_policy"] = Markup(CONTENT_SECURITY_POLICY)  # no input text
    return env


def numeric_columns(table: DataTable) -> set[int]:
    """Columns (after the first) holding only numbers or blanks: right-aligned, GOV.UK style."""

    def is_number(v: Any) -> bool:
        return v is None or (isinstance(v, int | float) and not isinstance(v, bool))

    return {
        i
        for i in range(1, len(table.columns))
        if table.rows and all(is_number(r[i]) for r in table.rows)
    }


def table_cells(table: DataTable, blank: Markup) -> dict[str, list[Any]]:
    """govukTable's head and rows for a table: numeric columns right-aligned, a blank value
    (None) shown as `blank`, markup the template gives, a row's link on its linked cell."""
    numeric = numeric_columns(table)

    def fmt(i: int) -> dict[str, str]:
        return {"format": "numeric"} if i in numeric else {}

    def cell(i: int, value: Any) -> dict[str, Any]:
        if value is None:
            return {"html": blank, **fmt(i)}
        if i in numeric and isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:,}"  # thousands separated, as GOV.UK writes numbers
        return {"text": value, **fmt(i)}

    def linked(row: list[dict[str, Any]], href: str | None) -> list[dict[str, Any]]:
        cell = row[table.link_column]
        if href and "text" in cell:
            text = shown(str(cell["text"]))
            link = Markup('<a class="govuk-link" href="{}">{}</a>').format(href, text)
            row[table.link_column] = {k: v for k, v in cell.items() if k != "text"} | {"html": link}
        return row

    head = [{"text": col, **fmt(i)} for i, col in enumerate(table.columns)]
    rows = [[cell(i, v) for i, v in enumerate(r)] for r in table.rows]
    if table.links:
        rows = [linked(r, href) for r, href in zip(rows, table.links, strict=True)]
    return {"head": head, "rows": rows}


_CELL_OPTIONS = ("format", "classes", "colspan", "rowspan", "html", "text")


def table_body(rows: Sequence[Sequence[dict[str, Any]]] | None) -> list[list[dict[str, Any]]]:
    """govukTable's body rows (empty rows left out) with every cell complete: each option
    present ("" where not given), attributes as (name, value) pairs; so that the template
    reads them without a call for each cell."""
    out = []
    for row in rows or []:
        if not row:
            continue
        cells = []
        for cell in row:
            full = {k: "" if cell.get(k) is None else cell[k] for k in _CELL_OPTIONS}
            full["attributes"] = list((cell.get("attributes") or {}).items())
            cells.append(full)
        out.append(cells)
    return out


def summary_rows(pairs: Sequence[tuple[Any, Any]]) -> list[dict[str, dict[str, Any]]]:
    """govukSummaryList's rows for (key, value) pairs of text."""
    return [{"key": {"text": key}, "value": {"text": value}} for key, value in pairs]


def navigation_items(
    nav: Sequence[tuple[str, str]], current: str, root: str = ""
) -> list[dict[str, Any]]:
    """govukServiceNavigation's items for the (page, label) pairs, `current` marked; `root`
    leads from the page's folder to the release's (``../`` for a page in a subfolder)."""
    return [{"href": root + href, "text": label, "current": href == current} for href, label in nav]


def _stylesheet(govuk: Path) -> bytes:
    """The GOV.UK Frontend stylesheet with its asset URLs made relative to assets/."""
    css = (govuk / "govuk-frontend.min.css").read_text(encoding="utf-8")
    css = css.replace("url(/assets/", "url(")
    lines = [ln for ln in css.splitlines() if not ln.startswith("/*# sourceMappingURL")]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def write_site(pages: dict[str, str], out_dir: Path) -> list[Path]:
    """Write rendered pages (name -> text) with the GOV.UK Frontend assets they use into
    out_dir; return the paths written, sorted."""
    govuk = find_govuk_frontend()
    files: dict[str, bytes] = {name: text.encode("utf-8") for name, text in pages.items()}
    files["assets/govuk-frontend.min.css"] = _stylesheet(govuk)
    files["assets/app.css"] = APP_CSS.encode("utf-8")
    for rel in ASSETS:
        files[rel] = (govuk / rel).read_bytes()
    written = []
    for name in sorted(files):
        path = Path(out_dir) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
        written.append(path)
    return written
