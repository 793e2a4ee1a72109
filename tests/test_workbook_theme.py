"""The ODS and the XLSX of a built release look alike: every cell has the same font, size,
weight, underline and colour in both, read back from each file's own style parts (the ODS's
content.xml and styles.xml, the XLSX's xl/styles.xml), and they are the theme's."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest

from inspection_outcomes.core import theme
from tests.test_spreadsheet_checklist import MAIN_NS, REL_NS, _cell_ref, ods_tables, xlsx_tables

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


class Font(NamedTuple):
    name: str | None
    size: float | None  # points; None where the file leaves it to the application
    bold: bool
    underline: bool
    colour: str | None  # "RRGGBB" upper case; None is the automatic colour


Cells = dict[str, dict[tuple[int, int], Font]]  # sheet -> (row, column) -> font


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def _points(value: str | None) -> float | None:
    if value is None:
        return None
    m = re.fullmatch(r"([\d.]+)pt", value)
    assert m, f"font size not in points: {value}"
    return float(m.group(1))


def _ods_fonts(z: zipfile.ZipFile) -> dict[str, Font]:
    """Every table-cell style's font, each property from the style, else its parent, else the
    document's default cell style."""
    roots = [ET.fromstring(z.read(part)) for part in ("styles.xml", "content.xml")]
    families = {
        f.get(_q(STYLE, "name")): f.get(_q(SVG, "font-family"), "").strip("'\"")
        for r in roots
        for f in r.iter(_q(STYLE, "font-face"))
    }
    props: dict[str | None, dict[str, str]] = {}
    parents: dict[str, str | None] = {}
    for r in roots:
        for d in r.iter(_q(STYLE, "default-style")):
            if d.get(_q(STYLE, "family")) == "table-cell":
                tp = d.find(_q(STYLE, "text-properties"))
                props[None] = dict(tp.attrib) if tp is not None else {}
        for s in r.iter(_q(STYLE, "style")):
            if s.get(_q(STYLE, "family")) == "table-cell":
                name = str(s.get(_q(STYLE, "name")))
                tp = s.find(_q(STYLE, "text-properties"))
                props[name] = dict(tp.attrib) if tp is not None else {}
                parents[name] = s.get(_q(STYLE, "parent-style-name"))

    def prop(style: str | None, key: str) -> str | None:
        while style is not None:
            if key in props.get(style, {}):
                return props[style][key]
            style = parents.get(style)
        return props.get(None, {}).get(key)

    def font(style: str) -> Font:
        colour = prop(style, _q(FO, "color"))
        underline = prop(style, _q(STYLE, "text-underline-style"))
        name = prop(style, _q(STYLE, "font-name"))
        return Font(
            families.get(name, name) if name else None,
            _points(prop(style, _q(FO, "font-size"))),
            prop(style, _q(FO, "font-weight")) == "bold",
            underline not in (None, "none"),
            colour.lstrip("#").upper() if colour else None,
        )

    return {name: font(name) for name in props if name is not None}


def ods_cells(path: Path) -> Cells:
    """The font of every cell holding text, by sheet and position."""
    with zipfile.ZipFile(path) as z:
        fonts = _ods_fonts(z)
        root = ET.fromstring(z.read("content.xml"))
    out: Cells = {}
    for table in root.iter(_q(TABLE, "table")):
        cells = out.setdefault(str(table.get(_q(TABLE, "name"))), {})
        rows = [
            r
            for r in table.iter(_q(TABLE, "table-row"))
            for _ in range(int(r.get(_q(TABLE, "number-rows-repeated"), "1")))
        ]
        for i, row in enumerate(rows):
            j = 0
            for cell in row:
                repeat = int(cell.get(_q(TABLE, "number-columns-repeated"), "1"))
                text = "".join("".join(p.itertext()) for p in cell.iter(_q(TEXT, "p")))
                if text:
                    style = cell.get(_q(TABLE, "style-name"))
                    assert style in fonts, f"cell {i},{j} of {table.get(_q(TABLE, 'name'))}"
                    for k in range(repeat):
                        cells[(i, j + k)] = fonts[str(style)]
                j += repeat
    return out


def _xlsx_font(font: ET.Element) -> Font:
    def val(tag: str) -> str | None:
        e = font.find(_q(MAIN_NS, tag))
        return None if e is None else e.get("val", "")

    colour = font.find(_q(MAIN_NS, "color"))
    rgb = None
    if colour is not None:  # an RGB colour, or one of the document theme's colours
        rgb = colour.get("rgb", "")[-6:].upper() or f"theme {colour.get('theme')}"
    size = val("sz")
    return Font(
        val("name"), float(size) if size else None, val("b") is not None, val("u") is not None, rgb
    )


def _xlsx_fonts(z: zipfile.ZipFile) -> list[Font]:
    """The font of each cell format (cellXfs), by index."""
    root = ET.fromstring(z.read("xl/styles.xml"))
    fonts = [_xlsx_font(f) for f in root.iterfind(f"{_q(MAIN_NS, 'fonts')}/{_q(MAIN_NS, 'font')}")]
    xfs = root.find(_q(MAIN_NS, "cellXfs"))
    assert xfs is not None
    return [fonts[int(xf.get("fontId", "0"))] for xf in xfs]


def xlsx_cells(path: Path) -> Cells:
    """The font of every cell holding a value, by sheet and position."""
    out: Cells = {}
    with zipfile.ZipFile(path) as z:
        fonts = _xlsx_fonts(z)
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels.iter(_q(PKG_REL, "Relationship"))}
        for s in wb.iter(_q(MAIN_NS, "sheet")):
            sheet = ET.fromstring(z.read("xl/" + str(target[s.get(_q(REL_NS, "id"))])))
            cells = out.setdefault(str(s.get("name")), {})
            for c in sheet.iter(_q(MAIN_NS, "c")):
                if c.find(_q(MAIN_NS, "v")) is not None or c.find(_q(MAIN_NS, "is")) is not None:
                    cells[_cell_ref(str(c.get("r")))] = fonts[int(c.get("s", "0"))]
    return out


def _run(*args: str) -> None:
    p = subprocess.run(
        [sys.executable, "-m", "inspection_outcomes", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr


@pytest.fixture(scope="module", params=["la", "providers"])
def release(
    request: pytest.FixtureRequest, shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A release built by the command line: the LA release of 2024, the providers' of 2025."""
    out = tmp_path_factory.mktemp(request.param) / "release"
    data = shared / "data"
    if request.param == "la":
        _run(
            "release",
            "--as-at",
            "2024-03-31",
            "--source",
            f"d2i:{data / 'ilacs' / 'ofsted_csc_ilacs_history.csv'}",
            "--out",
            str(out),
        )
    else:
        source = data / "providers" / "childrens_social_care_data_2025_provider_level.ods"
        _run(
            "providers",
            "release",
            "--as-at",
            "2025-03-31",
            "--source",
            f"ofsted-providers:{source}",
            "--out",
            str(out),
        )
    return out


def _font(fmt: theme.CellFormat) -> tuple[str, float, bool]:
    return theme.FONT, float(fmt.size), fmt.bold


def test_every_cell_has_the_same_font_in_both_files(release: Path) -> None:
    ods = ods_cells(release / "underlying-data.ods")
    xlsx = xlsx_cells(release / "underlying-data.xlsx")
    assert list(ods) == list(xlsx)
    for sheet, cells in ods.items():
        assert set(cells) == set(xlsx[sheet]), sheet
        differ = [
            (at, cells[at], xlsx[sheet][at]) for at in sorted(cells) if cells[at] != xlsx[sheet][at]
        ]
        assert not differ, (
            f"{sheet}: {len(differ)} cells differ (position, ODS, XLSX), first {differ[:3]}"
        )


@pytest.mark.parametrize("ext", ["ods", "xlsx"])
def test_titles_headings_and_body_have_the_themes_sizes(release: Path, ext: str) -> None:
    path = release / f"underlying-data.{ext}"
    cells = (ods_cells if ext == "ods" else xlsx_cells)(path)
    tables = (ods_tables(path) if ext == "ods" else xlsx_tables(path))[0]
    for sheet, fonts in cells.items():
        assert fonts[(0, 0)][:3] == _font(theme.TITLE), sheet
    cover = {f[:3] for (row, _), f in cells["Cover"].items() if row > 0}
    assert _font(theme.HEADING) in cover
    assert cover <= {_font(theme.HEADING), _font(theme.TEXT), _font(theme.LINK)}
    body_fonts = {_font(f) for f in (theme.TEXT, theme.NUMBER, theme.DATE, theme.LINK)}
    for sheet, (r0, c0, r1, c1) in tables.items():
        rows = cells[sheet]
        assert all(rows[(r0, c)][:3] == _font(theme.HEADER) for c in range(c0, c1 + 1)), sheet
        body = {rows[(r, c)][:3] for r in range(r0 + 1, r1 + 1) for c in range(c0, c1 + 1)}
        assert body and body <= body_fonts, sheet
        lines = [rows[(r, 0)][:3] for r in range(1, r0)]
        assert lines == [_font(theme.SUBTITLE)] * (len(lines) - 1) + [_font(theme.INSTRUCTIONS)]
