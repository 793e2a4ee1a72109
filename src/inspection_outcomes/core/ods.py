"""Write the underlying data workbook as OpenDocument Spreadsheet (the open standard).

Each table is declared as a database range (LibreOffice's "defined range", the ODS
counterpart of an Excel table) over its header row and rows. The zip entries get a fixed
timestamp and meta.xml the release's publication date, so a rebuild is byte-identical.

odfpy builds the document, but the rows of each sheet (most of the file) are written straight
to XML by `_RowWriter`, exactly as odfpy would write them: an odfpy element per cell, and
odfpy's search of every element for the styles in use, took nine tenths of the writing time.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from functools import partial
from pathlib import Path

from odf import dc
from odf import meta as odfmeta
from odf.element import Element, Node, _quoteattr, _sanitize
from odf.namespaces import (
    CHARTNS,
    DRAWNS,
    OFFICENS,
    PRESENTATIONNS,
    STYLENS,
    TABLENS,
    TEXTNS,
    XLINKNS,
    nsdict,
)
from odf.number import DateStyle, Day, Month, Year
from odf.number import Text as NumberText
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import (
    FontFace,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TextProperties,
)
from odf.table import DatabaseRange, DatabaseRanges, Table, TableColumn

from inspection_outcomes.core import theme
from inspection_outcomes.core.workbook import (
    Cell,
    Link,
    Sheet,
    Workbook,
    long_date,
)
from inspection_outcomes.files import write_atomically

#: Fixed zip entry time (the earliest a zip can hold): timestamps carry no build information.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class _Styles:
    """The document's automatic styles: one cell style per format of the theme."""

    def __init__(self, doc: OpenDocumentSpreadsheet) -> None:
        self.doc = doc
        doc.automaticstyles.addElement(_date_style("N_long_date"))
        doc.fontfacedecls.addElement(
            FontFace(
                name=theme.FONT,
                fontfamily=theme.FONT,
                fontfamilygeneric="swiss",
                fontpitch="variable",
            )
        )
        self.title = self._cell("ce_title", theme.TITLE)
        self.heading = self._cell("ce_heading", theme.HEADING)
        self.subtitle = self._cell("ce_subtitle", theme.SUBTITLE)
        self.instructions = self._cell("ce_instructions", theme.INSTRUCTIONS)
        self.text = self._cell("ce_text", theme.TEXT)
        self.header = self._cell("ce_header", theme.HEADER)
        self.link = self._cell("ce_link", theme.LINK)
        self.date = self._cell("ce_date", theme.DATE, datastyle="N_long_date")
        self.number = self._cell("ce_number", theme.NUMBER)
        self.table = Style(name="ta1", family="table")
        doc.automaticstyles.addElement(self.table)
        self._columns: dict[str, Style] = {}

    def _cell(self, name: str, fmt: theme.CellFormat, datastyle: str | None = None) -> Style:
        kwargs = {"datastylename": datastyle} if datastyle else {}
        s = Style(name=name, family="table-cell", **kwargs)
        cell_props = {"verticalalign": "top"}
        if fmt.wrap:
            cell_props["wrapoption"] = "wrap"
        if fmt.rule_below:
            cell_props["borderbottom"] = "0.06pt solid #000000"
        # In the order of the ODF schema: cell, paragraph, then text properties.
        s.addElement(TableCellProperties(**cell_props))
        if fmt.wrap:
            s.addElement(ParagraphProperties())
        s.addElement(_text_properties(fmt))
        self.doc.automaticstyles.addElement(s)
        return s

    def column(self, width_chars: float) -> Style:
        width = f"{width_chars * theme.CM_PER_CHARACTER:.2f}cm"
        if width not in self._columns:
            s = Style(name=f"co{len(self._columns) + 1}", family="table-column")
            s.addElement(TableColumnProperties(columnwidth=width, breakbefore="auto"))
            self.doc.automaticstyles.addElement(s)
            self._columns[width] = s
        return self._columns[width]


def _text_properties(fmt: theme.CellFormat) -> TextProperties:
    """A cell style's font, always named and sized: no application's own default shows."""
    props = {"fontname": theme.FONT, "fontsize": f"{fmt.size}pt"}
    if fmt.bold:
        props["fontweight"] = "bold"
    if fmt.colour:
        props["color"] = fmt.colour.lower()
    if fmt.underline:
        props.update(
            textunderlinestyle="solid", textunderlinewidth="auto", textunderlinecolor="font-color"
        )
    return TextProperties(**props)


#: The theme's date parts as ODF number elements.
_DATE_PART_ELEMENTS = {
    "day": Day,
    "month": partial(Month, textual="true", style="long"),
    "year": partial(Year, style="long"),
}


def _date_style(name: str) -> DateStyle:
    """The theme's date format (DATE_PARTS) as an ODF date style."""
    style = DateStyle(name=name)
    for part in theme.DATE_PARTS:
        make = _DATE_PART_ELEMENTS.get(part)
        style.addElement(make() if make else NumberText(text=part))
    return style


class _Rows(Node):
    """Table rows already written as XML, in a table element of the odfpy tree.

    It is a text node to odfpy, so odfpy's walks over the tree pass over it; `_used_styles`
    (which replaces odfpy's) reads the style names the rows use from `style_names`.
    """

    nodeType = Node.TEXT_NODE

    def __init__(self, xml: str, style_names: set[str]) -> None:
        self.xml = xml
        self.style_names = style_names
        self.childNodes: list[Node] = []

    def toXml(self, level: int, f: io.StringIO) -> None:
        f.write(self.xml)


# The prefixes written are odfpy's own for these namespaces.
assert (nsdict[TABLENS], nsdict[OFFICENS], nsdict[TEXTNS], nsdict[XLINKNS]) == (
    "table",
    "office",
    "text",
    "xlink",
)

# The namespaces odfpy would meet, in order, making each kind of cell (the table-cell element,
# its attributes, then its paragraph, and a link's element and attributes).
_CELL_NAMESPACES = (TABLENS, OFFICENS, TABLENS, TEXTNS)
_NUMBER_NAMESPACES = (TABLENS, OFFICENS, OFFICENS, TABLENS, TEXTNS)
_LINK_NAMESPACES = (*_CELL_NAMESPACES, TEXTNS, XLINKNS, XLINKNS)


def _paragraph(text: str) -> str:
    return f"<text:p>{_sanitize(text)}</text:p>" if text else "<text:p/>"


class _RowWriter:
    """Writes rows as odfpy writes table-row elements holding the cells `_cell` describes.

    odfpy declares, at the top of each XML file, every namespace an element of the process
    has used, in the order first used; the writer tells odfpy about the namespaces of the
    cells it writes in that same order, so the files are byte for byte what odfpy makes.
    """

    def __init__(self, doc: OpenDocumentSpreadsheet, styles: _Styles) -> None:
        self.styles = styles
        self._element: Element = doc.spreadsheet
        self._seen: set[str] = set()
        self.xml: list[str] = []
        self.style_names: set[str] = set()

    def _uses(self, namespaces: tuple[str, ...]) -> None:
        for ns in namespaces:
            if ns not in self._seen:
                self._seen.add(ns)
                self._element.get_nsprefix(ns)

    def _open(self, value_type: str, style: Style, extra: str = "") -> str:
        name = style.getAttrNS(STYLENS, "name")
        self.style_names.add(name)
        return (
            f'<table:table-cell office:value-type="{value_type}"{extra} '
            f"table:style-name={_quoteattr(name)}>"
        )

    def cell(self, value: Cell, style: Style | None = None) -> str:
        """One table-cell element: odfpy's TableCell with its paragraphs."""
        styles = self.styles
        if isinstance(value, Link):
            self._uses(_LINK_NAMESPACES)
            href = f"#{value.target}.A1" if value.is_sheet else value.target
            text = _sanitize(value.text)
            link = f'<text:a xlink:href={_quoteattr(href)} xlink:type="simple"' + (
                f">{text}</text:a>" if text else "/>"
            )
            return (
                f"{self._open('string', style or styles.link)}<text:p>{link}</text:p>"
                "</table:table-cell>"
            )
        if isinstance(value, bool):
            raise TypeError("booleans are not written to the workbook")
        if isinstance(value, int | float):
            self._uses(_NUMBER_NAMESPACES)
            text = str(value)
            extra = f" office:value={_quoteattr(text)}"
            return (
                f"{self._open('float', style or styles.number, extra)}"
                f"{_paragraph(text)}</table:table-cell>"
            )
        if isinstance(value, date):
            self._uses(_NUMBER_NAMESPACES)
            extra = f" office:date-value={_quoteattr(value.isoformat())}"
            return (
                f"{self._open('date', style or styles.date, extra)}"
                f"{_paragraph(long_date(value))}</table:table-cell>"
            )
        self._uses(_CELL_NAMESPACES)
        lines = str(value).split("\n")
        paragraphs = "".join(_paragraph(line) for line in lines)
        return f"{self._open('string', style or styles.text)}{paragraphs}</table:table-cell>"

    def row(self, cells: list[str]) -> None:
        self.xml.append(f"<table:table-row>{''.join(cells)}</table:table-row>")

    def rows(self) -> _Rows:
        """The rows written so far, as one node; the writer starts afresh."""
        node = _Rows("".join(self.xml), self.style_names)
        self.xml, self.style_names = [], set()
        return node


def _cover_table(wb: Workbook, styles: _Styles, writer: _RowWriter) -> Table:
    t = Table(name="Cover", stylename=styles.table)
    t.addElement(TableColumn(stylename=styles.column(theme.COVER_WIDTH)))
    writer.row([writer.cell(wb.title, styles.title)])
    for section in wb.cover_sections:
        writer.row([writer.cell(section.heading, styles.heading)])
        for p in section.paragraphs:
            writer.row([writer.cell(p)])
    t.appendChild(writer.rows())
    return t


def _sheet_table(sheet: Sheet, styles: _Styles, writer: _RowWriter) -> tuple[Table, DatabaseRange]:
    t = Table(name=sheet.name, stylename=styles.table)
    for col in sheet.columns:
        t.addElement(TableColumn(stylename=styles.column(col.width)))
    writer.row([writer.cell(sheet.title, styles.title)])
    for i, line in enumerate(sheet.lines, start=1):  # subtitles, then the instructions
        style = styles.instructions if i == len(sheet.lines) else styles.subtitle
        writer.row([writer.cell(line, style)])
    writer.row([writer.cell(c.header, styles.header) for c in sheet.columns])
    for r in sheet.rows:
        writer.row([writer.cell(v) for v in r])
    t.appendChild(writer.rows())
    first = sheet.header_row + 1
    last = first + len(sheet.rows)
    end = column_letter(len(sheet.columns) - 1)
    db = DatabaseRange(
        name=sheet.table_name,
        containsheader="true",
        targetrangeaddress=f"{sheet.name}.A{first}:{sheet.name}.{end}{last}",
    )
    return t, db


#: The attributes odfpy reads style names from, in its order.
_STYLE_REFERENCES = (
    (CHARTNS, "style-name"),
    (DRAWNS, "style-name"),
    (DRAWNS, "text-style-name"),
    (PRESENTATIONNS, "style-name"),
    (STYLENS, "data-style-name"),
    (STYLENS, "list-style-name"),
    (STYLENS, "page-layout-name"),
    (STYLENS, "style-name"),
    (TABLENS, "default-cell-style-name"),
    (TABLENS, "style-name"),
    (TEXTNS, "style-name"),
)


def _used_styles(doc: OpenDocumentSpreadsheet, segments: list[Element]) -> list[Element]:
    """The automatic styles used in `segments`, as odfpy's `_used_auto_styles` finds them.

    odfpy asks every element for each of the 11 style attributes through a method that also
    declares the attribute's namespace; this reads each element's attributes directly, adds
    the styles of the rows written as XML, and declares those namespaces as odfpy would (when
    it meets the first element).
    """
    names: set[str] = set()
    declared = False

    def walk(node: Element) -> None:
        nonlocal declared
        for e in node.childNodes:
            if isinstance(e, _Rows):
                names.update(e.style_names)
            elif e.nodeType == Node.ELEMENT_NODE:
                if not declared:
                    for ns, _ in _STYLE_REFERENCES:
                        e.get_nsprefix(ns)
                    declared = True
                attributes = e.attributes
                for ref in _STYLE_REFERENCES:
                    name = attributes.get(ref)
                    if name:
                        names.add(name)
                walk(e)

    for top in segments:
        walk(top)
    return [
        e
        for e in doc.automaticstyles.childNodes
        if isinstance(e, Element) and e.getAttrNS(STYLENS, "name") in names
    ]


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
    for element in (
        dc.Title(text=wb.title),
        dc.Subject(text=wb.subject),
        dc.Language(text=wb.language),
        odfmeta.InitialCreator(text=wb.author),
        dc.Creator(text=wb.author),
        odfmeta.CreationDate(text=stamp),
        dc.Date(text=stamp),
        *(odfmeta.Keyword(text=k) for k in wb.keywords),
    ):
        doc.meta.addElement(element)
    doc._used_auto_styles = lambda segments: _used_styles(doc, segments)
    styles = _Styles(doc)
    writer = _RowWriter(doc, styles)
    doc.spreadsheet.addElement(_cover_table(wb, styles, writer))
    ranges = DatabaseRanges()
    for sheet in wb.sheets:
        table, db = _sheet_table(sheet, styles, writer)
        doc.spreadsheet.addElement(table)
        ranges.addElement(db)
    doc.spreadsheet.addElement(ranges)
    raw = io.BytesIO()
    doc.write(raw)
    return normalise_zip(raw.getvalue())


MANIFEST = "META-INF/manifest.xml"


def _versioned_manifest(xml: bytes) -> bytes:
    """The manifest with the version ODF 1.2 requires of it (odfpy leaves it out)."""
    if b"manifest:version=" in xml:
        return xml
    return xml.replace(b"<manifest:manifest ", b'<manifest:manifest manifest:version="1.2" ', 1)


def normalise_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_TIME (mimetype first and stored, as ODF needs)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            fixed.create_system = 3
            data = src.read(info.filename)
            if info.filename == MANIFEST:
                data = _versioned_manifest(data)
            dst.writestr(fixed, data)
    return out.getvalue()


def write_atomic(data: bytes, path: Path) -> None:
    """Write through a temporary file in the same folder: never a half-written output."""
    write_atomically(path, data)
