"""Write the underlying data workbook as OpenDocument Spreadsheet (the open standard).

Each table is declared as a database range (LibreOffice's "defined range", the ODS
counterpart of an Excel table) over its header row and rows. The zip entries get a fixed
timestamp and meta.xml the release's publication date, so a rebuild is byte-identical.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from datetime import date
from pathlib import Path

from odf import dc
from odf import meta as odfmeta
from odf.element import Element
from odf.number import DateStyle, Day, Month, Year
from odf.number import Text as NumberText
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import (
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TextProperties,
)
from odf.table import DatabaseRange, DatabaseRanges, Table, TableCell, TableColumn, TableRow
from odf.text import A, P

from inspection_outcomes.publish.spreadsheet import (
    Cell,
    Link,
    Sheet,
    Workbook,
    build_workbook,
    long_date,
)
from inspection_outcomes.release.content import ReleaseContent

#: Fixed zip entry time (the earliest a zip can hold): timestamps carry no build information.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CM_PER_CHAR = 0.21


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class _Styles:
    def __init__(self, doc: OpenDocumentSpreadsheet) -> None:
        self.doc = doc
        date_style = DateStyle(name="N_long_date")
        date_style.addElement(Day())
        date_style.addElement(NumberText(text=" "))
        date_style.addElement(Month(textual="true", style="long"))
        date_style.addElement(NumberText(text=" "))
        date_style.addElement(Year(style="long"))
        doc.automaticstyles.addElement(date_style)
        self.title = self._cell("ce_title", bold=True, size="16pt")
        self.heading = self._cell("ce_heading", bold=True, size="13pt")
        self.text = self._cell("ce_text", wrap=True)
        self.header = self._cell("ce_header", bold=True, wrap=True, border=True)
        self.link = self._cell("ce_link", wrap=True)
        self.date = self._cell("ce_date", datastyle="N_long_date")
        self.number = self._cell("ce_number")
        self.table = Style(name="ta1", family="table")
        doc.automaticstyles.addElement(self.table)
        self._columns: dict[str, Style] = {}

    def _cell(self, name: str, *, bold: bool = False, size: str | None = None,
              wrap: bool = False, border: bool = False, datastyle: str | None = None) -> Style:
        kwargs = {"datastylename": datastyle} if datastyle else {}
        s = Style(name=name, family="table-cell", **kwargs)
        cell_props = {"verticalalign": "top"}
        if wrap:
            cell_props["wrapoption"] = "wrap"
        if border:
            cell_props["borderbottom"] = "0.06pt solid #000000"
        s.addElement(TableCellProperties(**cell_props))
        text_props = {}
        if bold:
            text_props["fontweight"] = "bold"
        if size:
            text_props["fontsize"] = size
        if text_props:
            s.addElement(TextProperties(**text_props))
        if wrap:
            s.addElement(ParagraphProperties())
        self.doc.automaticstyles.addElement(s)
        return s

    def column(self, width_chars: float) -> Style:
        width = f"{width_chars * CM_PER_CHAR:.2f}cm"
        if width not in self._columns:
            s = Style(name=f"co{len(self._columns) + 1}", family="table-column")
            s.addElement(TableColumnProperties(columnwidth=width, breakbefore="auto"))
            self.doc.automaticstyles.addElement(s)
            self._columns[width] = s
        return self._columns[width]


def _cell(value: Cell, styles: _Styles, style: Style | None = None) -> TableCell:
    if isinstance(value, Link):
        cell = TableCell(valuetype="string", stylename=style or styles.link)
        href = f"#{value.target}.A1" if value.is_sheet else value.target
        p = P()
        p.addElement(A(href=href, type="simple", text=value.text))
        cell.addElement(p)
        return cell
    if isinstance(value, bool):
        raise TypeError("booleans are not written to the workbook")
    if isinstance(value, int | float):
        cell = TableCell(valuetype="float", value=str(value), stylename=style or styles.number)
        cell.addElement(P(text=str(value)))
        return cell
    if isinstance(value, date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat(),
                         stylename=style or styles.date)
        cell.addElement(P(text=long_date(value)))
        return cell
    cell = TableCell(valuetype="string", stylename=style or styles.text)
    for i, line in enumerate(str(value).split("\n")):
        cell.addElement(P(text=line) if i == 0 or line else P())
    return cell


def _row(cells: list[TableCell]) -> TableRow:
    row = TableRow()
    for c in cells:
        row.addElement(c)
    return row


def _cover_table(wb: Workbook, styles: _Styles) -> Table:
    t = Table(name="Cover", stylename=styles.table)
    t.addElement(TableColumn(stylename=styles.column(90)))
    t.addElement(_row([_cell(wb.title, styles, styles.title)]))
    for section in wb.cover_sections:
        t.addElement(_row([_cell(section.heading, styles, styles.heading)]))
        for p in section.paragraphs:
            t.addElement(_row([_cell(p, styles)]))
    return t


def _sheet_table(sheet: Sheet, styles: _Styles) -> tuple[Table, DatabaseRange]:
    t = Table(name=sheet.name, stylename=styles.table)
    for col in sheet.columns:
        t.addElement(TableColumn(stylename=styles.column(col.width)))
    t.addElement(_row([_cell(sheet.title, styles, styles.title)]))
    for line in sheet.lines:
        t.addElement(_row([_cell(line, styles)]))
    t.addElement(_row([_cell(c.header, styles, styles.header) for c in sheet.columns]))
    for r in sheet.rows:
        t.addElement(_row([_cell(v, styles) for v in r]))
    first = sheet.header_row + 1
    last = first + len(sheet.rows)
    end = column_letter(len(sheet.columns) - 1)
    db = DatabaseRange(name=sheet.table_name, containsheader="true",
                       targetrangeaddress=f"{sheet.name}.A{first}:{sheet.name}.{end}{last}")
    return t, db


def ods_bytes(wb: Workbook) -> bytes:
    """The ODS file's bytes.

    odfpy keeps the namespaces it has met in one dict shared by every element of the process
    (Element.namespaces) and declares all of them on each document, so a document's bytes
    would depend on what the process built before. The dict is emptied while this document
    is built and written (it then holds only this document's namespaces, in a fixed order),
    and restored afterwards.
    """
    shared = Element.namespaces
    saved = dict(shared)
    shared.clear()
    try:
        return _ods_bytes(wb)
    finally:
        for namespace, prefix in saved.items():
            shared.setdefault(namespace, prefix)


def _ods_bytes(wb: Workbook) -> bytes:
    doc = OpenDocumentSpreadsheet()
    stamp = f"{wb.created.isoformat()}T00:00:00"
    for element in (dc.Title(text=wb.title), dc.Subject(text=wb.subject),
                    dc.Language(text=wb.language), odfmeta.InitialCreator(text=wb.author),
                    dc.Creator(text=wb.author), odfmeta.CreationDate(text=stamp),
                    dc.Date(text=stamp), *(odfmeta.Keyword(text=k) for k in wb.keywords)):
        doc.meta.addElement(element)
    styles = _Styles(doc)
    doc.spreadsheet.addElement(_cover_table(wb, styles))
    ranges = DatabaseRanges()
    for sheet in wb.sheets:
        table, db = _sheet_table(sheet, styles)
        doc.spreadsheet.addElement(table)
        ranges.addElement(db)
    doc.spreadsheet.addElement(ranges)
    raw = io.BytesIO()
    doc.write(raw)
    return normalise_zip(raw.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_TIME (mimetype first and stored, as ODF needs)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            fixed.create_system = 3
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_atomic(data: bytes, path: Path) -> None:
    """Write through a temporary file in the same folder: never a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_ods(content: ReleaseContent, path: str | Path) -> Path:
    """Write the release's underlying data as an ODS workbook; returns the path."""
    path = Path(path)
    write_atomic(ods_bytes(build_workbook(content)), path)
    return path
