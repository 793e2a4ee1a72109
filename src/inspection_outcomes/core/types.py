"""Shapes shared by the writers: a data table (for annexes, spreadsheets, CSV) and a chart."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class DataTable:
    """An accessible table: a caption, one header row, rows of plain values (no merged cells)."""

    id: str  # stable, used for sheet names and anchors (letters, digits, underscores)
    caption: str
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)
    #: Pages the rows link to (a path from the release folder, or None), shown on the
    #: cell of `link_column`: an LA's name leads to its page. Spreadsheets leave them out.
    links: list[str | None] = field(default_factory=list)
    link_column: int = 0


@dataclass
class Chart:
    """A chart as SVG with its title, alt text and the data table behind it."""

    id: str  # e.g. "figure_1"
    title: str
    alt_text: str
    svg: str  # a complete, deterministic <svg> document
    table: DataTable
    note: str = ""
    #: A drawing the page writes inline (its links then work), where there is one: a
    #: core.map.Choropleth; else the page shows `svg` as an image.
    inline: Any = None
