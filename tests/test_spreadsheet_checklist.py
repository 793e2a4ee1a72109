"""The Analysis Function's spreadsheet checklist, checked on the files as a reader gets them.

Tables are located from the files' own markup (the XLSX table parts, the ODS database
ranges), never from the model, so a writer that marked up the wrong rows fails here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from inspection_outcomes.core.workbook import read_back
from inspection_outcomes.publications.la_outcomes.workbook import write_ods, write_xlsx
from tests.test_spreadsheet import real_content, small_content

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
NOTE = re.compile(r"\[note (\d+)\]")


def _cell_ref(ref: str) -> tuple[int, int]:
    """'B12' -> (row 11, column 1), 0-based."""
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", ref)
    assert m, ref
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def ods_tables(path: Path) -> tuple[dict[str, tuple[int, int, int, int]], str]:
    """Sheet -> (first row, first col, last row, last col) of its database range; content.xml."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("content.xml").decode("utf-8")
    root = ET.fromstring(xml)  # well-formed, every prefix bound
    out = {}
    for db in root.iter(f"{{{TABLE_NS}}}database-range"):
        assert db.get(f"{{{TABLE_NS}}}contains-header", "true") == "true"
        start, end = db.get(f"{{{TABLE_NS}}}target-range-address", "").split(":")
        sheet, a = start.rsplit(".", 1)
        sheet2, b = end.rsplit(".", 1)
        assert sheet == sheet2
        out[sheet] = (*_cell_ref(a), *_cell_ref(b))
    return out, xml


def xlsx_tables(path: Path) -> tuple[dict[str, tuple[int, int, int, int]], list[str]]:
    """Sheet -> range of its Excel table; the sheets' XML."""
    out = {}
    sheets_xml = []
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        for s in wb.iter(f"{{{MAIN_NS}}}sheet"):
            part = "xl/" + str(target[s.get(f"{{{REL_NS}}}id")])
            xml = z.read(part).decode("utf-8")
            sheets_xml.append(xml)
            parts = ET.fromstring(xml).findall(f".//{{{MAIN_NS}}}tablePart")
            if not parts:
                continue
            assert len(parts) == 1, "one table per sheet"
            rel_path = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
            srels = ET.fromstring(z.read(rel_path))
            table_part = next(r.get("Target") for r in srels.iter(f"{{{PKG_REL_NS}}}Relationship"))
            table = ET.fromstring(z.read("xl/" + str(table_part).replace("../", "")))
            assert table.get("headerRowCount", "1") == "1"
            a, b = str(table.get("ref")).split(":")
            out[str(s.get("name"))] = (*_cell_ref(a), *_cell_ref(b))
    return out, sheets_xml


@pytest.fixture(scope="module", params=["ods", "xlsx"])
def workbook(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("checklist")
    ext = request.param
    path = (write_ods if ext == "ods" else write_xlsx)(real_content(), folder / f"u.{ext}")
    if ext == "ods":
        tables, xml = ods_tables(path)
        xmls = [xml]
    else:
        tables, xmls = xlsx_tables(path)
    return {"ext": ext, "path": path, "rows": read_back(path), "tables": tables, "xml": xmls}


def test_cover_contents_and_notes_come_first(workbook: dict) -> None:
    assert list(workbook["rows"])[:3] == ["Cover", "Contents", "Notes"]


def test_every_sheet_has_a_title_in_a1(workbook: dict) -> None:
    for name, rows in workbook["rows"].items():
        assert rows and isinstance(rows[0][0], str) and len(rows[0][0]) > 3, name
        assert all(v == "" for v in rows[0][1:]), f"{name}: A1 is the only cell of row 1"


def test_sheet_names_have_no_spaces(workbook: dict) -> None:
    for name in workbook["rows"]:
        assert " " not in name and len(name) <= 31 and re.fullmatch(r"[A-Za-z0-9_]+", name)


def test_every_sheet_but_the_cover_is_one_marked_up_table(workbook: dict) -> None:
    names = list(workbook["rows"])
    assert set(workbook["tables"]) == set(names) - {"Cover"}


def test_contents_lists_every_sheet(workbook: dict) -> None:
    rows = workbook["rows"]["Contents"]
    r0, c0, r1, _ = workbook["tables"]["Contents"]
    listed = [r[c0] for r in rows[r0 + 1 : r1 + 1]]
    assert set(listed) == set(rows_names := list(workbook["rows"])) - {"Contents"}
    assert listed == [n for n in rows_names if n != "Contents"]  # in sheet order


def test_tables_have_one_full_header_row_and_no_blank_cells(workbook: dict) -> None:
    for name, (r0, c0, r1, c1) in workbook["tables"].items():
        rows = workbook["rows"][name]
        assert r1 == len(rows) - 1, f"{name}: the table ends at the last row"
        header = rows[r0][c0 : c1 + 1]
        assert all(isinstance(h, str) and h.strip() for h in header), name
        assert len(set(header)) == len(header), f"{name}: header names are unique"
        for i in range(r0 + 1, r1 + 1):
            row = rows[i] + [""] * (c1 + 1 - len(rows[i]))
            assert all(v != "" for v in row[c0 : c1 + 1]), f"{name} row {i + 1} has a blank"
            assert all(v == "" for v in row[c1 + 1 :]), f"{name} row {i + 1}: outside the table"
        # above the table: title and short lines in column A only, no blank rows
        for i in range(r0):
            assert rows[i] and rows[i][0] != "" and all(v == "" for v in rows[i][1:]), name


def test_no_merged_cells(workbook: dict) -> None:
    for xml in workbook["xml"]:
        assert "mergeCell" not in xml
        assert "number-columns-spanned" not in xml and "number-rows-spanned" not in xml
        assert "covered-table-cell" not in xml


def test_column_widths_are_set(workbook: dict) -> None:
    if workbook["ext"] == "xlsx":
        assert all("<cols>" in xml for xml in workbook["xml"])
    else:
        widths = re.findall(r'style:column-width="(\d+\.\d+)cm"', workbook["xml"][0])
        assert widths and all(2.0 <= float(w) <= 20.0 for w in widths)
        assert workbook["xml"][0].count("<table:table-column ") >= len(workbook["tables"])


def test_referenced_notes_exist_and_every_note_is_referenced(workbook: dict) -> None:
    rows = workbook["rows"]
    r0, c0, r1, _ = workbook["tables"]["Notes"]
    numbers = [int(str(r[c0]).removeprefix("note ")) for r in rows["Notes"][r0 + 1 : r1 + 1]]
    assert numbers == list(range(1, len(numbers) + 1))
    referenced = {
        int(m)
        for name, sheet in rows.items()
        if name != "Notes"
        for r in sheet
        for v in r
        if isinstance(v, str)
        for m in NOTE.findall(v)
    }
    assert referenced <= set(numbers)
    meta_notes = len(real_content().meta.notes)  # the engine's own notes are listed only
    assert set(numbers) - referenced <= set(numbers[len(numbers) - meta_notes :])


def test_symbols_are_explained_where_used(workbook: dict) -> None:
    for name, rows in workbook["rows"].items():
        cells = [v for r in rows for v in r]
        if "[x]" in cells or "[z]" in cells:
            text = " ".join(str(v) for r in rows[: workbook["tables"][name][0]] for v in r)
            assert "[x]" in text and "[z]" in text, name


@pytest.mark.parametrize("ext", ["ods", "xlsx"])
def test_simulated_workbook_passes_the_same_layout_checks(tmp_path: Path, ext: str) -> None:
    path = (write_ods if ext == "ods" else write_xlsx)(small_content(), tmp_path / f"s.{ext}")
    tables = ods_tables(path)[0] if ext == "ods" else xlsx_tables(path)[0]
    rows = read_back(path)
    assert set(tables) == set(rows) - {"Cover"}
    for name, (r0, _, r1, _) in tables.items():
        assert r1 == len(rows[name]) - 1 and r1 > r0, name
