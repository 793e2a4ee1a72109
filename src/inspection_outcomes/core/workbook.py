"""The underlying data workbook, independent of file format (ODS and XLSX writers read this).

Follows the Analysis Function guidance "Releasing statistics in spreadsheets": a cover sheet,
a contents sheet, a notes sheet, then one table per sheet with its title in A1, a few short
lines of text, one header row and no blank cells (a blank is "[x]" not available or "[z]" not
applicable, explained on the sheet and in the notes). Both writers lay a sheet out the same
way, row by row, so a read-back can be compared cell for cell with this model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from inspection_outcomes.core.contacts import Contact
from inspection_outcomes.core.content import DRAFT_MARK, DRAFT_TEXT, is_final

#: Shorthand for a blank cell, from the Analysis Function guidance on symbols in tables.
NOT_AVAILABLE = "[x]"


NOT_APPLICABLE = "[z]"


SYMBOL_LINE = (
    "Some cells contain [x] where a value is not available, or [z] where a value is not applicable."
)


Value = str | int | float | date


@dataclass(frozen=True)
class Link:
    """A cell whose text links to another sheet (target is a sheet name) or a web address."""

    text: str
    target: str

    @property
    def is_sheet(self) -> bool:
        return not self.target.startswith(("http://", "https://", "mailto:"))


Cell = Value | Link


@dataclass
class Column:
    header: str
    kind: str = "text"  # text, number, date
    width: float = 14.0  # in characters


@dataclass
class Sheet:
    """One worksheet: title in A1, short lines, then one table (header row + rows)."""

    name: str  # no spaces, at most 31 characters
    title: str
    description: str  # shown on the contents sheet
    lines: list[str]
    columns: list[Column]
    rows: list[list[Cell]]
    table_name: str  # name of the Excel table / ODS database range

    @property
    def header_row(self) -> int:
        """0-based row index of the header row (title, then the lines)."""
        return 1 + len(self.lines)


@dataclass
class CoverSection:
    heading: str
    paragraphs: list[str | Link]


@dataclass
class Workbook:
    title: str
    cover_sections: list[CoverSection]
    sheets: list[Sheet]  # contents, notes, then tables, in order
    created: date  # fixed document date: keeps files byte-identical between builds
    language: str = "en-GB"
    author: str = "Ofsted"
    subject: str = ""
    keywords: list[str] = field(default_factory=list)

    @property
    def sheet_names(self) -> list[str]:
        return ["Cover", *(s.name for s in self.sheets)]

    def sheet(self, name: str) -> Sheet:
        for s in self.sheets:
            if s.name == name:
                return s
        raise KeyError(name)

    def cover_rows(self) -> list[str]:
        """The cover sheet's text, one cell of column A per row (title in A1)."""
        rows = [self.title]
        for section in self.cover_sections:
            rows.append(section.heading)
            rows.extend(p.text if isinstance(p, Link) else p for p in section.paragraphs)
        return rows


def cell_text(value: Cell) -> str:
    if isinstance(value, Link):
        return value.text
    if isinstance(value, date):
        return long_date(value)
    return str(value)


def long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def dig(d: Any, *keys: str) -> Any:
    """d[k1][k2]... or None where any level is missing (a figure the source cannot support)."""
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def or_blank(value: Any, blank: str = NOT_AVAILABLE) -> Cell:
    return blank if value is None else value


class Notes:
    """Notes numbered in the order first added; `ref` gives the "[note N]" marker."""

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._text: dict[str, str] = {}

    def add(self, key: str, text: str) -> None:
        if key not in self._text:
            self._keys.append(key)
            self._text[key] = text

    def ref(self, key: str) -> str:
        return f"[note {self._keys.index(key) + 1}]"

    def __contains__(self, key: str) -> bool:
        return key in self._text

    def rows(self) -> list[list[Cell]]:
        return [[f"note {i + 1}", self._text[k]] for i, k in enumerate(self._keys)]


def safe_name(text: str) -> str:
    """A sheet or table name: letters, digits and underscores only."""
    return re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9]+", "_", text)).strip("_")


def _width(header: str, values: list[Cell], kind: str) -> float:
    longest = 17 if kind == "date" else max((len(cell_text(v)) for v in values), default=0)
    # headers wrap, so they only need to fit their longest word or a third of their length
    head = max(max(len(w) for w in header.split()), len(header) / 3)
    return float(min(60, max(10, longest + 2, head + 2)))


def make_sheet(
    name: str,
    title: str,
    description: str,
    lines: list[str],
    columns: list[tuple[str, str]],
    rows: list[list[Cell]],
) -> Sheet:
    if any(isinstance(v, str) and v == "" for r in rows for v in r):
        raise ValueError(f"sheet {name}: blank cell (use [x] or [z])")
    cols = [Column(h, k, _width(h, [r[i] for r in rows], k)) for i, (h, k) in enumerate(columns)]
    return Sheet(
        name=name,
        title=title,
        description=description,
        lines=lines,
        columns=cols,
        rows=rows,
        table_name=safe_name(name).lower(),
    )


def contents_and_notes(notes: Notes, sheets: list[Sheet]) -> list[Sheet]:
    """The contents sheet, the notes sheet, then the tables: every workbook's sheet order."""
    notes_sheet = make_sheet(
        "Notes",
        "Notes",
        "Notes that the tables refer to, by number",
        [
            "This worksheet contains one table. Notes are referred to in titles, text and column "
            "headers as [note 1] and so on."
        ],
        [("Note number", "text"), ("Note text", "text")],
        notes.rows(),
    )
    notes_sheet.columns[1].width = 90.0
    contents_rows: list[list[Cell]] = [[Link("Cover", "Cover"), "About these data"]]
    contents_rows += [[Link(s.name, s.name), s.description] for s in [notes_sheet, *sheets]]
    contents = make_sheet(
        "Contents",
        "Table of contents",
        "",
        ["This worksheet contains one table. Select a sheet name to go to that sheet."],
        [("Sheet name", "text"), ("Sheet description", "text")],
        contents_rows,
    )
    contents.columns[1].width = 90.0
    return [contents, notes_sheet, *sheets]


def draft_sections(producer: str | None, assurer: str | None) -> list[CoverSection]:
    """The cover's first section while the release is not final: that it is a draft."""
    return [] if is_final(producer, assurer) else [CoverSection(DRAFT_MARK, [DRAFT_TEXT])]


def closing_sections(
    published: date, producer: str | None, assurer: str | None, contact: Contact | None = None
) -> list[CoverSection]:
    """The cover's last sections, the same in every workbook: publication date (none claimed
    by a draft), contact, licence, and who produced and assured the release (when given)."""
    when: list[str | Link] = (
        [long_date(published)]
        if is_final(producer, assurer)
        else [f"Not published: a draft (planned for {long_date(published)})."]
    )
    sections = [
        CoverSection("Publication date", when),
        CoverSection(
            "Contact",
            [
                *(
                    [
                        f"{contact.statistician}, {contact.team}",
                        f"Email: {contact.email}",
                        *([f"Telephone: {contact.phone}"] if contact.phone else []),
                    ]
                    if contact
                    else []
                ),
                Link("Contact Ofsted", "https://www.gov.uk/government/organisations/ofsted"),
            ],
        ),
        CoverSection(
            "Licence",
            [
                "You may re-use this information (not including logos) free of charge in any format "
                "or medium, under the terms of the Open Government Licence v3.0.",
                Link(
                    "Open Government Licence v3.0",
                    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                ),
            ],
        ),
    ]
    if producer or assurer:
        sections.append(
            CoverSection(
                "Production",
                [f"Produced by {producer or '[x]'}; quality assured by {assurer or '[x]'}."],
            )
        )
    return sections


def _plain(value: Any) -> Any:
    """A read-back cell as a plain value: whole floats as int, datetimes as dates."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime):
        return value.date()
    return value


def read_back(path: str | Path) -> dict[str, list[list[Any]]]:
    """Every sheet of an ODS or XLSX file as rows of plain values (trailing blanks trimmed).

    Used by the tests and by the release's consistency check: what a user opens must equal
    what the engine computed.
    """
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    out: dict[str, list[list[Any]]] = {}
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        clean = [[_plain(v) for v in r] for r in rows]
        for r in clean:
            while r and r[-1] == "":
                r.pop()
        while clean and not clean[-1]:
            clean.pop()
        out[name] = clean
    return out


def model_rows(wb: Workbook) -> dict[str, list[list[Any]]]:
    """The rows a reader should see in each sheet, in read_back's terms."""

    def plain(v: Cell) -> Any:
        return v.text if isinstance(v, Link) else v

    out: dict[str, list[list[Any]]] = {"Cover": [[t] for t in wb.cover_rows()]}
    for s in wb.sheets:
        out[s.name] = (
            [[s.title]]
            + [[line] for line in s.lines]
            + [[c.header for c in s.columns]]
            + [[plain(v) for v in r] for r in s.rows]
        )
    return out


def table_rows(rows: list[list[Any]], sheet: Sheet) -> list[dict[str, Any]]:
    """The table part of a read-back sheet as dicts keyed by header."""
    header = rows[sheet.header_row]
    return [dict(zip(header, r, strict=False)) for r in rows[sheet.header_row + 1 :]]
