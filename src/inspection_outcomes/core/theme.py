"""The underlying data workbook's formats, in one place: the ODS and XLSX writers both read
them, so a reader sees the same fonts, sizes and emphasis whichever file they open.

The values are the Analysis Function guidance's ("Releasing statistics in spreadsheets"), as
its own package gptables sets them in its default theme: Arial in the automatic colour, text
12 pt, titles 16 pt bold, headings 14 pt bold, subtitles 14 pt, links blue and underlined.
"""

from __future__ import annotations

from dataclasses import dataclass

FONT = "Arial"

#: Points: the size of all text but titles, headings and subtitles.
TEXT_SIZE = 12

#: Links are blue (#0000FF, as gptables writes them: it passes WCAG AA on white).
LINK_COLOUR = "#0000FF"


@dataclass(frozen=True)
class CellFormat:
    """How one kind of cell looks, in terms each writer translates into its own."""

    size: int = TEXT_SIZE  # points
    bold: bool = False
    wrap: bool = False
    underline: bool = False
    colour: str | None = None  # "#RRGGBB"; None is the application's automatic colour
    rule_below: bool = False  # a thin line under the cell: a table's header row


#: A1 of every sheet, the cover's included.
TITLE = CellFormat(size=16, bold=True)
#: The cover's section headings.
HEADING = CellFormat(size=14, bold=True)
#: A table sheet's lines between the title and the last line above the table.
SUBTITLE = CellFormat(size=14)
#: The last line above a table (how to read it: the symbols used, or that it has no rows).
INSTRUCTIONS = CellFormat()
#: The cover's paragraphs and a table's text cells.
TEXT = CellFormat(wrap=True)
#: A table's header row.
HEADER = CellFormat(bold=True, wrap=True, rule_below=True)
#: A cell that links to a sheet or a web address.
LINK = CellFormat(wrap=True, underline=True, colour=LINK_COLOUR)
NUMBER = CellFormat()
DATE = CellFormat()

#: A date cell's format, part by part: "1 March 2024" (the day, the month's name, the year).
DATE_PARTS = ("day", " ", "month", " ", "year")

#: Column widths are kept in characters (workbook.Column.width); one is this wide in an ODS.
CM_PER_CHARACTER = 0.21

#: Characters: the width of the cover's one column.
COVER_WIDTH = 90

#: Points: the height of a line of text, for the rows a writer sizes itself.
LINE_HEIGHT = 16.0
