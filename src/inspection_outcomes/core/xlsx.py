"""Write the underlying data workbook as XLSX, for users who ask for Excel.

Tables are written by gptables (the Analysis Function's package for the spreadsheet
guidance): title in A1, text lines, one header row, the data marked up as an Excel table.
The cover sheet is written with xlsxwriter directly, because gptables' Cover has three fixed
headings ("Introductory information", "About these data", "Contact") and cannot carry the
release's own (simulated-data warning, source, period, publication date, licence). The
contents and notes sheets are ordinary gptables tables built by spreadsheet.py, so both file
formats number the notes and list the sheets identically.
"""

from __future__ import annotations

import io
import math
import warnings
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from gptables import GPTable, Theme
from gptables.core.wrappers import GPWorkbook, GPWorksheet

from inspection_outcomes.core import theme
from inspection_outcomes.core.workbook import (
    Cell,
    Link,
    Sheet,
    Workbook,
)

#: The theme's date parts in Excel's number format codes.
_DATE_CODES = {"day": "d", "month": "mmmm", "year": "yyyy"}
DATE_FORMAT = "".join(_DATE_CODES.get(part, part) for part in theme.DATE_PARTS)


def xlsx_format(fmt: theme.CellFormat) -> dict[str, Any]:
    """A theme format as xlsxwriter format properties (only those it sets)."""
    out: dict[str, Any] = {
        "font_name": theme.FONT,
        "font_size": fmt.size,
        "font_color": fmt.colour or "automatic",
    }
    if fmt.bold:
        out["bold"] = True
    if fmt.underline:
        out["underline"] = True
    if fmt.wrap:
        out["text_wrap"] = True
    if fmt.rule_below:
        out["bottom"] = 1
    return out


def _gptables_theme() -> Theme:
    """gptables' theme for the table sheets, from ours. gptables formats every cell of a
    table's body alike (TEXT), then aligns each column by its type, gives date columns their
    format and links its own (blue and underlined, as LINK)."""
    lines = xlsx_format(theme.INSTRUCTIONS)
    return Theme(
        {
            "title": xlsx_format(theme.TITLE),
            "subtitle": xlsx_format(theme.SUBTITLE),
            "instructions": lines,
            "legend": lines,
            "source": lines,
            "scope": lines,
            "column_heading": {**xlsx_format(theme.HEADER), "valign": "top"},
            "data": xlsx_format(theme.TEXT),
            "description_order": ["instructions", "legend", "source", "scope"],
        }
    )


class _LiteralWorksheet(GPWorksheet):
    """A gptables worksheet that writes every cell as the text it is.

    gptables reads "[text](url)" in any cell as a link and "$$name$$" as a note reference.
    The release's cells hold text from the sources (an LA name as a provider file writes it),
    so both readings are off: links are given as `Link` cells, and notes are numbered by
    spreadsheet.py for both file formats alike.
    """

    @staticmethod
    def _replace_url(string: str) -> str:
        return string

    @staticmethod
    def _replace_reference(string: str, reference_order: list[str]) -> str:
        return string


def _value(value: Cell) -> Any:
    if isinstance(value, Link):
        target = f"internal:'{value.target}'!A1" if value.is_sheet else value.target
        return {value.text: target}
    return value


def _gptable(sheet: Sheet) -> GPTable:
    headers = [c.header for c in sheet.columns]
    frame = pd.DataFrame(
        [[_value(v) for v in r] for r in sheet.rows], columns=headers, dtype=object
    )
    date_columns = [c.header for c in sheet.columns if c.kind == "date"]
    formatting = (
        [
            {
                "column": {
                    "columns": date_columns,
                    "format": {"num_format": DATE_FORMAT},
                    "include_names": False,
                }
            }
        ]
        if date_columns
        else []
    )
    return GPTable(
        table=frame,
        table_name=sheet.table_name,
        title=sheet.title,
        subtitles=list(sheet.lines[:-1]),
        instructions=sheet.lines[-1],
        index_columns={},
        additional_formatting=formatting,
    )


def _write_cover(wb: GPWorkbook, model: Workbook) -> None:
    ws = wb.add_worksheet("Cover")

    def cover_format(fmt: theme.CellFormat) -> Any:
        """Every cell of the cover wraps: its one column is paragraphs of text."""
        return wb.add_format({**xlsx_format(fmt), "text_wrap": True, "valign": "top"})

    title, heading = cover_format(theme.TITLE), cover_format(theme.HEADING)
    text, link = cover_format(theme.TEXT), cover_format(theme.LINK)
    ws.set_column(0, 0, theme.COVER_WIDTH)
    ws.write_string(0, 0, model.title, title)
    row = 1
    for section in model.cover_sections:
        ws.write_string(row, 0, section.heading, heading)
        row += 1
        for p in section.paragraphs:
            if isinstance(p, Link):
                target = f"internal:'{p.target}'!A1" if p.is_sheet else p.target
                ws.write_url(row, 0, target, link, p.text)
            else:
                ws.write_string(row, 0, p, text)
            row += 1


def _lines(text: str, width: float) -> int:
    """Lines a wrapped cell needs (a spreadsheet does not grow rows written by xlsxwriter)."""
    per_line = max(1, int(width) - 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _set_row_heights(ws: Any, sheet: Sheet) -> None:
    widths = [c.width for c in sheet.columns]
    first = sheet.header_row
    table: list[list[Cell]] = [[c.header for c in sheet.columns], *sheet.rows]
    for i, row in enumerate(table):
        n = max(
            (
                _lines(v.text if isinstance(v, Link) else v, widths[j])
                for j, v in enumerate(row)
                if isinstance(v, str | Link)
            ),
            default=1,
        )
        if n > 1:
            ws.set_row(first + i, theme.LINE_HEIGHT * n)


def xlsx_bytes(model: Workbook) -> bytes:
    out = io.BytesIO()
    # Every string is written as a string: text from a source that starts with "=" is never
    # made a formula (xlsxwriter would otherwise turn it into one).
    wb = GPWorkbook(
        out,
        options={
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    wb.set_theme(_gptables_theme())
    created = datetime(model.created.year, model.created.month, model.created.day, tzinfo=UTC)
    wb.set_properties(
        {
            "title": model.title,
            "subject": model.subject,
            "author": model.author,
            "keywords": ", ".join(model.keywords),
            "created": created,
        }
    )
    _write_cover(wb, model)
    for sheet in model.sheets:
        ws = wb.add_worksheet(sheet.name)
        ws.__class__ = _LiteralWorksheet  # gptables' own worksheet, its text readings off
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # gptables warns about symbols it cannot type
            ws.write_gptable(_gptable(sheet), auto_width=False, reference_order=[])
        for i, col in enumerate(sheet.columns):
            ws.set_column(i, i, col.width)
        _set_row_heights(ws, sheet)
    wb.close()
    return out.getvalue()
