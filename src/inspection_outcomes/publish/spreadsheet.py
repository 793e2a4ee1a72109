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

from inspection_outcomes.model.frameworks import (
    AREA_LABELS,
    EVENT_TYPE_LABELS,
    ILACS_AREAS,
    ILACS_EVENT_TYPES,
    by_id,
    framework_on,
)
from inspection_outcomes.model.reference import read_table
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS
from inspection_outcomes.release.content import ReleaseContent

#: Shorthand for a blank cell, from the Analysis Function guidance on symbols in tables.
NOT_AVAILABLE = "[x]"
NOT_APPLICABLE = "[z]"
SYMBOL_LINE = "Some cells contain [x] where a value is not available, or [z] where a value " \
    "is not applicable."

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


def _iso(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _get(d: Any, *keys: str) -> Any:
    """d[k1][k2]... or None where any level is missing (a figure the source cannot support)."""
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def _num(value: Any, blank: str = NOT_AVAILABLE) -> Cell:
    return blank if value is None else value


# --- notes --------------------------------------------------------------------------------


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


# --- the model ----------------------------------------------------------------------------

REGION_ORDER = tuple(r["region"] for r in sorted(read_table("regions.csv"),
                                                  key=lambda r: int(r["order"])))


def safe_name(text: str) -> str:
    """A sheet or table name: letters, digits and underscores only."""
    return re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9]+", "_", text)).strip("_")


def _width(header: str, values: list[Cell], kind: str) -> float:
    longest = 17 if kind == "date" else max((len(cell_text(v)) for v in values), default=0)
    # headers wrap, so they only need to fit their longest word or a third of their length
    head = max(max(len(w) for w in header.split()), len(header) / 3)
    return float(min(60, max(10, longest + 2, head + 2)))


def make_sheet(name: str, title: str, description: str, lines: list[str],
                columns: list[tuple[str, str]], rows: list[list[Cell]]) -> Sheet:
    if any(isinstance(v, str) and v == "" for r in rows for v in r):
        raise ValueError(f"sheet {name}: blank cell (use [x] or [z])")
    cols = [Column(h, k, _width(h, [r[i] for r in rows], k)) for i, (h, k) in enumerate(columns)]
    return Sheet(name=name, title=title, description=description, lines=lines, columns=cols,
                 rows=rows, table_name=safe_name(name).lower())


#: Columns of the per-LA datasets: (key, header, kind). Judgement headers get note markers.
_LA_COLUMNS: dict[str, tuple[str, str]] = {
    "la_code": ("LA code", "text"),
    "old_la_code": ("Old LA code", "number"),
    "la_name": ("Local authority", "text"),
    "region": ("Ofsted region", "text"),
    "event_type": ("Inspection or visit type", "text"),
    "framework": ("Framework", "text"),
    "start_date": ("Start date", "date"),
    "end_date": ("End date", "date"),
    "publication_date": ("Publication date", "date"),
    "overall_effectiveness": ("Overall effectiveness", "text"),
    "impact_of_leaders": ("Impact of leaders on social work practice with children and "
                          "families", "text"),
    "help_and_protection": ("Experiences and progress of children who need help and "
                            "protection", "text"),
    "children_in_care": ("Experiences and progress of children in care", "text"),
    "care_leavers": ("Experiences and progress of care leavers", "text"),
    "themes": ("Focused visit themes", "text"),
}

_THEME_LABELS = {r["theme"]: r["label"] for r in read_table("focused_visit_themes.csv")}


def _blank(row: dict[str, Any], key: str) -> str:
    """[z] where the value cannot exist (no inspection yet, not given by the framework, a
    visit without grades); [x] where it should exist but is not in the source."""
    event = row.get("event_type")
    if event is None:
        return NOT_APPLICABLE
    if key == "themes":
        return NOT_AVAILABLE if event == "focused_visit" else NOT_APPLICABLE
    if key in ILACS_AREAS:
        if event in ("focused_visit", "monitoring_visit"):
            return NOT_APPLICABLE
        fw = by_id().get(row.get("framework") or "")
        start = _iso(row.get("start_date"))
        if fw is None and start is not None:
            fw = framework_on(start)
        if fw is not None and key not in fw.judgements:
            return NOT_APPLICABLE
    return NOT_AVAILABLE


def la_cell(row: dict[str, Any], key: str) -> Cell:
    """One cell of a per-LA dataset as shown in the spreadsheet."""
    value = row.get(key)
    if value is None or value == "":
        return _blank(row, key)
    kind = _LA_COLUMNS[key][1]
    if key in ILACS_AREAS:
        return LABELS[value]
    if key == "event_type":
        return EVENT_TYPE_LABELS.get(value, value)
    if key == "framework":
        fw = by_id().get(value)
        return fw.name if fw else str(value)
    if key == "themes":
        parts = value if isinstance(value, list | tuple) else str(value).split(";")
        return "; ".join(_THEME_LABELS.get(p.strip(), p.strip()) for p in parts if p.strip())
    if kind == "date":
        return _iso(value)  # type: ignore[return-value]
    if kind == "number":
        text = str(value).strip()
        return int(text) if text.isdigit() else text
    return str(value)


def _la_sheet(content: ReleaseContent, dataset: str, keys: tuple[str, ...], name: str,
              title: str, description: str, lines: list[str], notes: Notes) -> Sheet:
    marks = {
        "la_code": notes.ref("codes"), "old_la_code": notes.ref("codes"),
        "region": notes.ref("regions"), "care_leavers": notes.ref("care_leavers"),
        "children_in_care": notes.ref("care_leavers"),
    }
    if "overall_2026" in notes:
        marks["overall_effectiveness"] = notes.ref("overall_2026")
    if "themes" in keys and "coverage" in notes:
        marks["themes"] = notes.ref("coverage")
    columns = [(f"{_LA_COLUMNS[k][0]} {marks[k]}" if k in marks else _LA_COLUMNS[k][0],
                _LA_COLUMNS[k][1]) for k in keys]
    rows = [[la_cell(r, k) for k in keys] for r in content.tables.get(dataset, [])]
    if not rows:  # a table with no rows still needs a row saying so (no empty tables)
        rows = [[NOT_APPLICABLE] * len(keys)]
        lines = [*lines, "There are no rows in this table: every value is [z]."]
    return make_sheet(name, title, description, [*lines, SYMBOL_LINE], columns, rows)


def _judgement_columns(prefix: str = "") -> list[tuple[str, str]]:
    return ([(f"{prefix}{LABELS[j]} (number)", "number") for j in JUDGEMENTS]
            + [(f"{prefix}{LABELS[j]} (%)", "number") for j in JUDGEMENTS]
            + [(f"{prefix}Good or outstanding (%)", "number")])


def _judgement_cells(fig: Any) -> list[Cell]:
    return ([_num(_get(fig, "n"))]
            + [_num(_get(fig, "counts", j)) for j in JUDGEMENTS]
            + [_num(_get(fig, "percent", j)) for j in JUDGEMENTS]
            + [_num(_get(fig, "good_or_outstanding_percent"))])


def _years(rows: list[list[Cell]]) -> str:
    days = sorted(r[0] for r in rows if isinstance(r[0], date))
    if len(days) < 2:
        return long_date(days[0]) if days else "the date"
    same = all((d.month, d.day) == (days[0].month, days[0].day) for d in days)
    if same:
        return f"{days[0].day} {days[0].strftime('%B')} {days[0].year} to {days[-1].year}"
    return f"{long_date(days[0])} to {long_date(days[-1])}"


def build_workbook(content: ReleaseContent) -> Workbook:
    """The whole workbook of the release's underlying data."""
    f = content.figures
    meta = content.meta
    as_at = _iso(f.get("as_at")) or date.today()
    start = _iso(_get(f, "period", "start"))
    end = _iso(_get(f, "period", "end")) or as_at
    cutoff = _iso(f.get("publication_cutoff"))
    published = _iso(meta.publication_date) or as_at
    at = long_date(as_at)
    year_label = f"{start.year}-{str(end.year)[2:]}" if start else str(end.year)
    between = f"between {long_date(start)} and {long_date(end)}" if start else f"to {at}"
    coverage = list(f.get("coverage") or [])

    notes = Notes()
    if meta.simulated:
        notes.add("simulated", "These data are simulated: they were generated for testing and "
                  "demonstration and are not Ofsted's official statistics.")
    notes.add("inclusion", f"Inspections that took place by {at} with a report published by "
              f"{long_date(cutoff) if cutoff else 'the publication cut-off'} (3 calendar months "
              "later). Inspections whose report was published later enter the next release.")
    notes.add("codes", "LA code is the Government Statistical Service (GSS) code of the local "
              "authority; old LA code is the Department for Education 3-digit code.")
    notes.add("regions", "Regions are Ofsted's 8 regions: North East and Yorkshire and the "
              "Humber form one region, 'North East, Yorkshire and the Humber'.")
    notes.add("care_leavers", "From January 2023 the experiences and progress of care leavers "
              "is a separate judgement. Before that it was part of the judgement 'experiences "
              "and progress of children in care and care leavers', shown here as children in "
              "care; care leavers is then [z].")
    if end >= date(2026, 4, 1):
        notes.add("overall_2026", "From 1 April 2026 inspections no longer give an overall "
                  "effectiveness judgement: it is [z] for those inspections.")
    notes.add("not_inspected", "Local authorities created by a structural change may not yet "
              "have been inspected: their inspection details and judgements are [z].")
    missing = [t for t in ILACS_EVENT_TYPES if coverage and t not in coverage]
    if missing:
        notes.add("coverage", "The source of these data holds only "
                  + ", ".join(EVENT_TYPE_LABELS[t].lower() + "s" for t in coverage)
                  + ": it does not hold "
                  + ", ".join(EVENT_TYPE_LABELS[t].lower() + "s" for t in missing)
                  + ", so figures about them are [x].")
    notes.add("rounding", "Percentages are rounded to whole numbers (halves away from zero) "
              "from the counts, so they may not add up to 100.")
    notes.add("structural", "Structural changes: Bournemouth, Christchurch and Poole (from "
              "Bournemouth and Poole) and a reshaped Dorset from 1 April 2019; North and West "
              "Northamptonshire from Northamptonshire, 1 April 2021; Cumberland, and "
              "Westmorland and Furness from Cumbria, 1 April 2023.")
    for i, text in enumerate(meta.notes):
        notes.add(f"meta_{i}", text)

    sim = [f"These data are simulated and are not official statistics {notes.ref('simulated')}."
           ] if meta.simulated else []
    sheets: list[Sheet] = []

    # per-LA datasets
    asat_keys = tuple(k for k in ("la_code", "old_la_code", "la_name", "region", "event_type",
                                  "start_date", "end_date", "publication_date", *ILACS_AREAS))
    as_at_name = f"As_at_31_March_{as_at.year}" if (as_at.month, as_at.day) == (3, 31) \
        else safe_name(f"As_at_{as_at.isoformat()}")
    sheets.append(_la_sheet(
        content, "as_at", asat_keys, as_at_name,
        f"Inspections as at {at}: every local authority with its most recent inspection "
        "judgements",
        f"Every LA in England at {at} with the judgements of its most recent standard or "
        "short inspection",
        [*sim, f"Most recent graded inspection that took place by {at} "
         f"{notes.ref('inclusion')}. LAs not yet inspected {notes.ref('not_inspected')}."],
        notes))
    in_year_keys = (*asat_keys, "themes")
    sheets.append(_la_sheet(
        content, "in_year", in_year_keys, safe_name(f"In_year_{year_label}"),
        f"ILACS inspections and visits {between}",
        f"All standard and short inspections, focused visits and monitoring visits {between}",
        [*sim, f"Inspections and visits that took place {between} {notes.ref('inclusion')}."
         + (f" Coverage {notes.ref('coverage')}." if "coverage" in notes else "")],
        notes))
    hist_keys = ("la_code", "old_la_code", "la_name", "region", "event_type", "framework",
                 "start_date", "end_date", "publication_date", *ILACS_AREAS)
    sheets.append(_la_sheet(
        content, "history", hist_keys, "ILACS_history",
        f"ILACS inspection history as at {at}: standard and short inspections of every "
        "local authority",
        "Every LA in England with all its standard and short inspections since the ILACS "
        "framework began in January 2018",
        [*sim, f"One row per inspection, by local authority and date {notes.ref('inclusion')}."],
        notes))
    sheets.append(_la_sheet(
        content, "history_former", hist_keys, "ILACS_history_former_LAs",
        f"ILACS inspection history of local authorities that no longer exist, as at {at}",
        "ILACS standard and short inspections of LAs that no longer exist after a "
        "restructure",
        [*sim, f"LAs replaced by a structural change {notes.ref('structural')}."],
        notes))

    # headline figure tables (the data behind the main findings' figures)
    rounding = notes.ref("rounding")
    jcols = _judgement_columns()
    rows: list[list[Cell]] = [[as_at, *_judgement_cells(_get(f, "overall_effectiveness"))]]
    for day in sorted(f.get("earlier_as_at") or {}, reverse=True):
        rows.append([_iso(day), *_judgement_cells(f["earlier_as_at"][day])])  # type: ignore[list-item]
    sheets.append(make_sheet(
        "Overall_effectiveness", "Overall effectiveness of LAs at their most recent "
        f"inspection, as at {_years(rows)}",
        "Overall effectiveness at the most recent inspection, this year and earlier years",
        [*sim, f"Percentages of LAs with a graded judgement {rounding}.", SYMBOL_LINE],
        [("As at", "date"), ("LAs with a judgement", "number"), *jcols], rows))

    rows = []
    for region in REGION_ORDER:
        rows.append([region, *_judgement_cells(_get(f, "by_region", region))])
    rows.append(["England", *_judgement_cells(_get(f, "overall_effectiveness"))])
    sheets.append(make_sheet(
        "Overall_effectiveness_region", f"Overall effectiveness of LAs at their most recent "
        f"inspection, by region, as at {at}",
        "Overall effectiveness at the most recent inspection by Ofsted region",
        [*sim, f"Ofsted regions {notes.ref('regions')}; percentages {rounding}.", SYMBOL_LINE],
        [("Region", "text"), ("LAs with a judgement", "number"), *jcols], rows))

    rows = [["Overall effectiveness", *_judgement_cells(_get(f, "overall_effectiveness"))]]
    for area in ILACS_AREAS[1:]:
        rows.append([AREA_LABELS[area], *_judgement_cells(_get(f, "sub_judgements", area))])
    sheets.append(make_sheet(
        "Sub_judgements", f"Judgements of LAs at their most recent inspection by judgement "
        f"area, as at {at}",
        "Overall effectiveness and the sub-judgements at the most recent inspection",
        [*sim, f"Care leavers is judged from January 2023 {notes.ref('care_leavers')}; "
         f"percentages {rounding}.", SYMBOL_LINE],
        [("Judgement area", "text"), ("LAs with a judgement", "number"), *jcols], rows))

    change = _get(f, "change_since_earlier_inspection") or {}
    compared = str(change.get("compared_with") or "earlier")
    rows = []
    for j in JUDGEMENTS:
        cell = _get(change, "matrix", j) or {}
        rows.append([LABELS[j], *(_num(cell.get(k), NOT_APPLICABLE if cell else NOT_AVAILABLE)
                                  for k in ("improved", "retained", "declined"))])
    rows.append(["All LAs with more than one inspection",
                 *(_num(change.get(k)) for k in ("improved", "retained", "declined"))])
    sheets.append(make_sheet(
        "Change_in_overall_effectiveness", "Change in overall effectiveness of LAs with more "
        f"than one ILACS inspection, compared with their {compared} ILACS inspection, as at {at}",
        "LAs that improved, retained or declined their overall effectiveness judgement",
        [*sim, f"LAs with more than one ILACS graded inspection: {_num(change.get('n'))}. "
         "An LA judged outstanding cannot improve and one judged inadequate cannot decline "
         "([z]).", SYMBOL_LINE],
        [(f"Overall effectiveness at the {compared} inspection", "text"),
         ("Improved", "number"), ("Retained", "number"), ("Declined", "number")], rows))

    iy = _get(f, "in_year") or {}
    rows = [[EVENT_TYPE_LABELS[t], _num(_get(iy, "by_type", t))] for t in ILACS_EVENT_TYPES]
    rows.append(["All inspections and visits", _num(iy.get("visits"))])
    rows.append(["Local authorities visited", _num(iy.get("las_visited"))])
    if "las_visited_graded_inspections" in iy:
        rows.append(["Local authorities with a standard or short inspection",
                     _num(iy.get("las_visited_graded_inspections"))])
    cov = f" {notes.ref('coverage')}" if "coverage" in notes else ""
    sheets.append(make_sheet(
        "In_year_activity", f"ILACS inspections and visits by type {between}",
        "Number of inspections and visits by type, and LAs visited, in the year",
        [*sim, f"Inspections and visits that took place {between}{cov}.", SYMBOL_LINE],
        [("Inspection or visit type", "text"), ("Number", "number")], rows))

    graded = _get(iy, "graded") or {}
    rows = [[LABELS[j], _num(_get(graded, "counts", j)), _num(_get(graded, "percent", j))]
            for j in JUDGEMENTS]
    rows.append(["All standard and short inspections", _num(graded.get("n")),
                 100 if graded.get("n") else NOT_AVAILABLE])
    sheets.append(make_sheet(
        "In_year_outcomes", f"Overall effectiveness at standard and short inspections {between}",
        "Outcomes of the graded inspections that took place in the year",
        [*sim, f"Percentages {rounding}.", SYMBOL_LINE],
        [("Overall effectiveness", "text"), ("Number of inspections", "number"),
         ("Percentage of inspections (%)", "number")], rows))

    themes = _get(iy, "focused_visits", "themes_percent") or {}
    rows = [[label, _num(themes.get(key))] for key, label in _THEME_LABELS.items()]
    sheets.append(make_sheet(
        "Focused_visit_themes", f"ILACS focused visits by theme {between}",
        "Percentage of focused visits by theme in the year",
        [*sim, f"Percentages of focused visits {rounding}{cov}.", SYMBOL_LINE],
        [("Theme", "text"), ("Percentage of focused visits (%)", "number")], rows))

    return Workbook(
        title=meta.title,
        cover_sections=_cover(content, notes, between, at, published),
        sheets=contents_and_notes(notes, sheets),
        created=published,
        author=meta.producer or "Ofsted",
        subject=f"Underlying data: {meta.title}",
        keywords=["local authority", "children's services", "inspection", "ILACS"],
    )


def contents_and_notes(notes: Notes, sheets: list[Sheet]) -> list[Sheet]:
    """The contents sheet, the notes sheet, then the tables: every workbook's sheet order."""
    notes_sheet = make_sheet(
        "Notes", "Notes", "Notes that the tables refer to, by number",
        ["This worksheet contains one table. Notes are referred to in titles, text and column "
         "headers as [note 1] and so on."],
        [("Note number", "text"), ("Note text", "text")], notes.rows())
    notes_sheet.columns[1].width = 90.0
    contents_rows: list[list[Cell]] = [[Link("Cover", "Cover"), "About these data"]]
    contents_rows += [[Link(s.name, s.name), s.description] for s in [notes_sheet, *sheets]]
    contents = make_sheet(
        "Contents", "Table of contents", "",
        ["This worksheet contains one table. Select a sheet name to go to that sheet."],
        [("Sheet name", "text"), ("Sheet description", "text")], contents_rows)
    contents.columns[1].width = 90.0
    return [contents, notes_sheet, *sheets]


def closing_sections(published: date, producer: str | None,
                     assurer: str | None) -> list[CoverSection]:
    """The cover's last sections, the same in every workbook: publication date, contact,
    licence, and who produced and assured the release (when given)."""
    sections = [
        CoverSection("Publication date", [long_date(published)]),
        CoverSection("Contact", [
            "Social care inspection insight team, Ofsted",
            Link("Contact Ofsted", "https://www.gov.uk/government/organisations/ofsted")]),
        CoverSection("Licence", [
            "You may re-use this information (not including logos) free of charge in any format "
            "or medium, under the terms of the Open Government Licence v3.0.",
            Link("Open Government Licence v3.0", "https://www.nationalarchives.gov.uk/doc/"
                 "open-government-licence/version/3/")]),
    ]
    if producer or assurer:
        sections.append(CoverSection("Production", [
            f"Produced by {producer or '[x]'}; quality assured by {assurer or '[x]'}."]))
    return sections


def _source_text(description: str) -> str:
    """A source spec such as 'kind:/some/folder/file.csv' shown without the local folder."""
    kind, sep, where = description.partition(":")
    if sep and where and " " not in kind:
        return f"Inspection records of LA children's services: {Path(where).name} ({kind} source)."
    return description or "Ofsted inspection records of LA children's services."


def _cover(content: ReleaseContent, notes: Notes, between: str, at: str,
           published: date) -> list[CoverSection]:
    meta = content.meta
    sections = []
    if meta.simulated:
        sections.append(CoverSection("Simulated data", [
            "Warning: the data in this workbook are simulated. They are not Ofsted's official "
            f"statistics and must not be used as such {notes.ref('simulated')}."]))
    if meta.provisional:
        sections.append(CoverSection("Provisional data", [
            "Some data in this workbook are provisional and may be revised."]))
    sections += [
        CoverSection("About these data", [
            "Underlying data of the official statistics release on inspections of local "
            "authority (LA) children's services under the ILACS framework.",
            f"It contains: every LA in England with its most recent inspection judgements as "
            f"at {at}; all inspections and visits {between}; the ILACS inspection history of "
            "every LA, and of LAs that no longer exist; and the data behind the headline "
            "figures.",
            "The contents sheet lists every sheet; the notes sheet explains the notes "
            "referred to as [note 1] and so on.",
        ]),
        CoverSection("Source", [_source_text(meta.source_description)]),
        CoverSection("Period covered", [f"Inspections as at {at}; in-year activity {between}."]),
        *closing_sections(published, meta.producer, meta.assurer),
    ]
    return sections


# --- reading back -------------------------------------------------------------------------


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
        out[s.name] = ([[s.title]] + [[line] for line in s.lines]
                       + [[c.header for c in s.columns]]
                       + [[plain(v) for v in r] for r in s.rows])
    return out


def table_rows(rows: list[list[Any]], sheet: Sheet) -> list[dict[str, Any]]:
    """The table part of a read-back sheet as dicts keyed by header."""
    header = rows[sheet.header_row]
    return [dict(zip(header, r, strict=False)) for r in rows[sheet.header_row + 1:]]
