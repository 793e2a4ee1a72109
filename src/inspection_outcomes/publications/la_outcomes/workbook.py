"""The underlying data workbook, independent of file format (ODS and XLSX writers read this).

Follows the Analysis Function guidance "Releasing statistics in spreadsheets": a cover sheet,
a contents sheet, a notes sheet, then one table per sheet with its title in A1, a few short
lines of text, one header row and no blank cells (a blank is "[x]" not available or "[z]" not
applicable, explained on the sheet and in the notes). Both writers lay a sheet out the same
way, row by row, so a read-back can be compared cell for cell with this model.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.workbook import (
    NOT_APPLICABLE,
    NOT_AVAILABLE,
    SYMBOL_LINE,
    Cell,
    CoverSection,
    Notes,
    Sheet,
    Workbook,
    as_date,
    closing_sections,
    contents_and_notes,
    dig,
    draft_sections,
    long_date,
    make_sheet,
    or_blank,
    safe_name,
)
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

# --- notes --------------------------------------------------------------------------------


# --- the model ----------------------------------------------------------------------------

REGION_ORDER = tuple(
    r["region"] for r in sorted(read_table("regions.csv"), key=lambda r: int(r["order"]))
)


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
    "impact_of_leaders": (
        "Impact of leaders on social work practice with children and families",
        "text",
    ),
    "help_and_protection": (
        "Experiences and progress of children who need help and protection",
        "text",
    ),
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
        start = as_date(row.get("start_date"))
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
        return as_date(value)  # type: ignore[return-value]
    if kind == "number":
        text = str(value).strip()
        return int(text) if text.isdigit() else text
    return str(value)


def _la_sheet(
    content: ReleaseContent,
    dataset: str,
    keys: tuple[str, ...],
    name: str,
    title: str,
    description: str,
    lines: list[str],
    notes: Notes,
) -> Sheet:
    marks = {
        "la_code": notes.ref("codes"),
        "old_la_code": notes.ref("codes"),
        "region": notes.ref("regions"),
        "care_leavers": notes.ref("care_leavers"),
        "children_in_care": notes.ref("care_leavers"),
    }
    if "overall_2026" in notes:
        marks["overall_effectiveness"] = notes.ref("overall_2026")
    if "themes" in keys and "coverage" in notes:
        marks["themes"] = notes.ref("coverage")
    columns = [
        (f"{_LA_COLUMNS[k][0]} {marks[k]}" if k in marks else _LA_COLUMNS[k][0], _LA_COLUMNS[k][1])
        for k in keys
    ]
    rows = [[la_cell(r, k) for k in keys] for r in content.tables.get(dataset, [])]
    if not rows:  # a table with no rows still needs a row saying so (no empty tables)
        rows = [[NOT_APPLICABLE] * len(keys)]
        lines = [*lines, "There are no rows in this table: every value is [z]."]
    return make_sheet(name, title, description, [*lines, SYMBOL_LINE], columns, rows)


def _judgement_columns(prefix: str = "") -> list[tuple[str, str]]:
    return (
        [(f"{prefix}{LABELS[j]} (number)", "number") for j in JUDGEMENTS]
        + [(f"{prefix}{LABELS[j]} (%)", "number") for j in JUDGEMENTS]
        + [(f"{prefix}Good or outstanding (%)", "number")]
    )


def _judgement_cells(fig: Any) -> list[Cell]:
    return (
        [or_blank(dig(fig, "n"))]
        + [or_blank(dig(fig, "counts", j)) for j in JUDGEMENTS]
        + [or_blank(dig(fig, "percent", j)) for j in JUDGEMENTS]
        + [or_blank(dig(fig, "good_or_outstanding_percent"))]
    )


def _years(rows: list[list[Cell]]) -> str:
    days = sorted(r[0] for r in rows if isinstance(r[0], date))
    if len(days) < 2:
        return long_date(days[0]) if days else "the date"
    same = all((d.month, d.day) == (days[0].month, days[0].day) for d in days)
    if same:
        return f"{days[0].day} {days[0].strftime('%B')} {days[0].year} to {days[-1].year}"
    return f"{long_date(days[0])} to {long_date(days[-1])}"


@dataclass
class _Frame:
    """What every sheet of the LA workbook says about its period, and the notes it cites."""

    figures: dict[str, Any]
    as_at: date
    at: str  # the as-at date in words
    between: str  # "between 1 April 2023 and 31 March 2024"
    year_label: str  # "2023-24"
    published: date
    notes: Notes
    sim: list[str]  # the simulated-data line, where the data are simulated

    @property
    def rounding(self) -> str:
        return self.notes.ref("rounding")

    @property
    def coverage(self) -> str:
        return f" {self.notes.ref('coverage')}" if "coverage" in self.notes else ""


def _frame(content: ReleaseContent) -> _Frame:
    f, meta = content.figures, content.meta
    as_at = as_date(f.get("as_at")) or date.today()
    start = as_date(dig(f, "period", "start"))
    end = as_date(dig(f, "period", "end")) or as_at
    at = long_date(as_at)
    notes = _notes(content, at, end)
    return _Frame(
        figures=f,
        as_at=as_at,
        at=at,
        between=f"between {long_date(start)} and {long_date(end)}" if start else f"to {at}",
        year_label=f"{start.year}-{str(end.year)[2:]}" if start else str(end.year),
        published=as_date(meta.publication_date) or as_at,
        notes=notes,
        sim=[f"These data are simulated and are not official statistics {notes.ref('simulated')}."]
        if meta.simulated
        else [],
    )


def _notes(content: ReleaseContent, at: str, end: date) -> Notes:
    """The workbook's notes, in the order the sheets refer to them."""
    f, meta = content.figures, content.meta
    cutoff = as_date(f.get("publication_cutoff"))
    coverage = list(f.get("coverage") or [])
    notes = Notes()
    if meta.simulated:
        notes.add(
            "simulated",
            "These data are simulated: they were generated for testing and "
            "demonstration and are not Ofsted's official statistics.",
        )
    notes.add(
        "inclusion",
        f"Inspections that took place by {at} with a report published by "
        f"{long_date(cutoff) if cutoff else 'the publication cut-off'} (3 calendar months "
        "later). Inspections whose report was published later enter the next release.",
    )
    notes.add(
        "codes",
        "LA code is the Government Statistical Service (GSS) code of the local "
        "authority; old LA code is the Department for Education 3-digit code.",
    )
    notes.add(
        "regions",
        "Regions are Ofsted's 8 regions: North East and Yorkshire and the "
        "Humber form one region, 'North East, Yorkshire and the Humber'.",
    )
    notes.add(
        "care_leavers",
        "From January 2023 the experiences and progress of care leavers "
        "is a separate judgement. Before that it was part of the judgement 'experiences "
        "and progress of children in care and care leavers', shown here as children in "
        "care; care leavers is then [z].",
    )
    if end >= date(2026, 4, 1):
        notes.add(
            "overall_2026",
            "From 1 April 2026 inspections no longer give an overall "
            "effectiveness judgement: it is [z] for those inspections.",
        )
    notes.add(
        "not_inspected",
        "Local authorities created by a structural change may not yet "
        "have been inspected: their inspection details and judgements are [z].",
    )
    missing = [t for t in ILACS_EVENT_TYPES if coverage and t not in coverage]
    if missing:
        notes.add(
            "coverage",
            "The source of these data holds only "
            + ", ".join(EVENT_TYPE_LABELS[t].lower() + "s" for t in coverage)
            + ": it does not hold "
            + ", ".join(EVENT_TYPE_LABELS[t].lower() + "s" for t in missing)
            + ", so figures about them are [x].",
        )
    notes.add(
        "rounding",
        "Percentages are rounded to whole numbers (halves away from zero) "
        "from the counts, so they may not add up to 100.",
    )
    notes.add(
        "structural",
        "Structural changes: Bournemouth, Christchurch and Poole (from "
        "Bournemouth and Poole) and a reshaped Dorset from 1 April 2019; North and West "
        "Northamptonshire from Northamptonshire, 1 April 2021; Cumberland, and "
        "Westmorland and Furness from Cumbria, 1 April 2023.",
    )
    for i, text in enumerate(meta.notes):
        notes.add(f"meta_{i}", text)
    return notes


def _la_sheets(content: ReleaseContent, fr: _Frame) -> list[Sheet]:
    """The per-LA datasets: as at the date, in the year, the history, former LAs' history."""
    notes, at, between, sim = fr.notes, fr.at, fr.between, fr.sim
    asat_keys = tuple(
        k
        for k in (
            "la_code",
            "old_la_code",
            "la_name",
            "region",
            "event_type",
            "start_date",
            "end_date",
            "publication_date",
            *ILACS_AREAS,
        )
    )
    as_at_name = (
        f"As_at_31_March_{fr.as_at.year}"
        if (fr.as_at.month, fr.as_at.day) == (3, 31)
        else safe_name(f"As_at_{fr.as_at.isoformat()}")
    )
    hist_keys = (
        "la_code",
        "old_la_code",
        "la_name",
        "region",
        "event_type",
        "framework",
        "start_date",
        "end_date",
        "publication_date",
        *ILACS_AREAS,
    )
    return [
        _la_sheet(
            content,
            "as_at",
            asat_keys,
            as_at_name,
            f"Inspections as at {at}: every local authority with its most recent inspection "
            "judgements",
            f"Every LA in England at {at} with the judgements of its most recent standard or "
            "short inspection",
            [
                *sim,
                f"Most recent graded inspection that took place by {at} "
                f"{notes.ref('inclusion')}. LAs not yet inspected {notes.ref('not_inspected')}.",
            ],
            notes,
        ),
        _la_sheet(
            content,
            "in_year",
            (*asat_keys, "themes"),
            safe_name(f"In_year_{fr.year_label}"),
            f"ILACS inspections and visits {between}",
            f"All standard and short inspections, focused visits and monitoring visits {between}",
            [
                *sim,
                f"Inspections and visits that took place {between} "
                f"{notes.ref('inclusion')}."
                + (f" Coverage {notes.ref('coverage')}." if "coverage" in notes else ""),
            ],
            notes,
        ),
        _la_sheet(
            content,
            "history",
            hist_keys,
            "ILACS_history",
            f"ILACS inspection history as at {at}: standard and short inspections of every "
            "local authority",
            "Every LA in England with all its standard and short inspections since the ILACS "
            "framework began in January 2018",
            [
                *sim,
                f"One row per inspection, by local authority and date {notes.ref('inclusion')}.",
            ],
            notes,
        ),
        _la_sheet(
            content,
            "history_former",
            hist_keys,
            "ILACS_history_former_LAs",
            f"ILACS inspection history of local authorities that no longer exist, as at {at}",
            "ILACS standard and short inspections of LAs that no longer exist after a restructure",
            [*sim, f"LAs replaced by a structural change {notes.ref('structural')}."],
            notes,
        ),
    ]


def _overall_sheet(fr: _Frame) -> Sheet:
    f = fr.figures
    rows: list[list[Cell]] = [[fr.as_at, *_judgement_cells(dig(f, "overall_effectiveness"))]]
    for day in sorted(f.get("earlier_as_at") or {}, reverse=True):
        rows.append([as_date(day), *_judgement_cells(f["earlier_as_at"][day])])  # type: ignore[list-item]
    return make_sheet(
        "Overall_effectiveness",
        f"Overall effectiveness of LAs at their most recent inspection, as at {_years(rows)}",
        "Overall effectiveness at the most recent inspection, this year and earlier years",
        [*fr.sim, f"Percentages of LAs with a graded judgement {fr.rounding}.", SYMBOL_LINE],
        [("As at", "date"), ("LAs with a judgement", "number"), *_judgement_columns()],
        rows,
    )


def _region_sheet(fr: _Frame) -> Sheet:
    f = fr.figures
    rows = [[region, *_judgement_cells(dig(f, "by_region", region))] for region in REGION_ORDER]
    rows.append(["England", *_judgement_cells(dig(f, "overall_effectiveness"))])
    return make_sheet(
        "Overall_effectiveness_region",
        f"Overall effectiveness of LAs at their most recent inspection, by region, as at {fr.at}",
        "Overall effectiveness at the most recent inspection by Ofsted region",
        [
            *fr.sim,
            f"Ofsted regions {fr.notes.ref('regions')}; percentages {fr.rounding}.",
            SYMBOL_LINE,
        ],
        [("Region", "text"), ("LAs with a judgement", "number"), *_judgement_columns()],
        rows,
    )


def _sub_judgements_sheet(fr: _Frame) -> Sheet:
    f = fr.figures
    rows = [["Overall effectiveness", *_judgement_cells(dig(f, "overall_effectiveness"))]]
    for area in ILACS_AREAS[1:]:
        rows.append([AREA_LABELS[area], *_judgement_cells(dig(f, "sub_judgements", area))])
    return make_sheet(
        "Sub_judgements",
        f"Judgements of LAs at their most recent inspection by judgement area, as at {fr.at}",
        "Overall effectiveness and the sub-judgements at the most recent inspection",
        [
            *fr.sim,
            f"Care leavers is judged from January 2023 {fr.notes.ref('care_leavers')}; "
            f"percentages {fr.rounding}.",
            SYMBOL_LINE,
        ],
        [("Judgement area", "text"), ("LAs with a judgement", "number"), *_judgement_columns()],
        rows,
    )


def _change_sheet(fr: _Frame) -> Sheet:
    change = dig(fr.figures, "change_since_earlier_inspection") or {}
    compared = str(change.get("compared_with") or "earlier")
    rows = []
    for j in JUDGEMENTS:
        cell = dig(change, "matrix", j) or {}
        rows.append(
            [
                LABELS[j],
                *(
                    or_blank(cell.get(k), NOT_APPLICABLE if cell else NOT_AVAILABLE)
                    for k in ("improved", "retained", "declined")
                ),
            ]
        )
    rows.append(
        [
            "All LAs with more than one inspection",
            *(or_blank(change.get(k)) for k in ("improved", "retained", "declined")),
        ]
    )
    return make_sheet(
        "Change_in_overall_effectiveness",
        "Change in overall effectiveness of LAs with more "
        f"than one ILACS inspection, compared with their {compared} ILACS inspection, as at "
        f"{fr.at}",
        "LAs that improved, retained or declined their overall effectiveness judgement",
        [
            *fr.sim,
            f"LAs with more than one ILACS graded inspection: "
            f"{or_blank(change.get('n'))}. An LA judged outstanding cannot improve and one judged "
            "inadequate cannot decline ([z]).",
            SYMBOL_LINE,
        ],
        [
            (f"Overall effectiveness at the {compared} inspection", "text"),
            ("Improved", "number"),
            ("Retained", "number"),
            ("Declined", "number"),
        ],
        rows,
    )


def _in_year_sheets(fr: _Frame) -> list[Sheet]:
    """Activity by type, outcomes of graded inspections, and focused visit themes in the year."""
    iy = dig(fr.figures, "in_year") or {}
    between = fr.between
    rows: list[list[Cell]] = [
        [EVENT_TYPE_LABELS[t], or_blank(dig(iy, "by_type", t))] for t in ILACS_EVENT_TYPES
    ]
    rows.append(["All inspections and visits", or_blank(iy.get("visits"))])
    rows.append(["Local authorities visited", or_blank(iy.get("las_visited"))])
    if "las_visited_graded_inspections" in iy:
        rows.append(
            [
                "Local authorities with a standard or short inspection",
                or_blank(iy.get("las_visited_graded_inspections")),
            ]
        )
    activity = make_sheet(
        "In_year_activity",
        f"ILACS inspections and visits by type {between}",
        "Number of inspections and visits by type, and LAs visited, in the year",
        [*fr.sim, f"Inspections and visits that took place {between}{fr.coverage}.", SYMBOL_LINE],
        [("Inspection or visit type", "text"), ("Number", "number")],
        rows,
    )
    graded = dig(iy, "graded") or {}
    rows = [
        [LABELS[j], or_blank(dig(graded, "counts", j)), or_blank(dig(graded, "percent", j))]
        for j in JUDGEMENTS
    ]
    rows.append(
        [
            "All standard and short inspections",
            or_blank(graded.get("n")),
            100 if graded.get("n") else NOT_AVAILABLE,
        ]
    )
    outcomes = make_sheet(
        "In_year_outcomes",
        f"Overall effectiveness at standard and short inspections {between}",
        "Outcomes of the graded inspections that took place in the year",
        [*fr.sim, f"Percentages {fr.rounding}.", SYMBOL_LINE],
        [
            ("Overall effectiveness", "text"),
            ("Number of inspections", "number"),
            ("Percentage of inspections (%)", "number"),
        ],
        rows,
    )
    themes = dig(iy, "focused_visits", "themes_percent") or {}
    rows = [[label, or_blank(themes.get(key))] for key, label in _THEME_LABELS.items()]
    focused = make_sheet(
        "Focused_visit_themes",
        f"ILACS focused visits by theme {between}",
        "Percentage of focused visits by theme in the year",
        [*fr.sim, f"Percentages of focused visits {fr.rounding}{fr.coverage}.", SYMBOL_LINE],
        [("Theme", "text"), ("Percentage of focused visits (%)", "number")],
        rows,
    )
    return [activity, outcomes, focused]


def build_workbook(content: ReleaseContent) -> Workbook:
    """The whole workbook of the release's underlying data: the per-LA datasets, then the
    data behind the main findings' figures."""
    meta = content.meta
    fr = _frame(content)
    sheets = [
        *_la_sheets(content, fr),
        _overall_sheet(fr),
        _region_sheet(fr),
        _sub_judgements_sheet(fr),
        _change_sheet(fr),
        *_in_year_sheets(fr),
    ]
    return Workbook(
        title=meta.title,
        cover_sections=_cover(content, fr.notes, fr.between, fr.at, fr.published),
        sheets=contents_and_notes(fr.notes, sheets),
        created=fr.published,
        author=meta.producer or "Ofsted",
        subject=f"Underlying data: {meta.title}",
        keywords=["local authority", "children's services", "inspection", "ILACS"],
    )


def _source_text(description: str) -> str:
    """A source spec such as 'kind:/some/folder/file.csv' shown without the local folder."""
    kind, sep, where = description.partition(":")
    if sep and where and " " not in kind:
        return f"Inspection records of LA children's services: {Path(where).name} ({kind} source)."
    return description or "Ofsted inspection records of LA children's services."


def _cover(
    content: ReleaseContent, notes: Notes, between: str, at: str, published: date
) -> list[CoverSection]:
    meta = content.meta
    sections = draft_sections(meta.producer, meta.assurer)
    if meta.simulated:
        sections.append(
            CoverSection(
                "Simulated data",
                [
                    "Warning: the data in this workbook are simulated. They are not Ofsted's official "
                    f"statistics and must not be used as such {notes.ref('simulated')}."
                ],
            )
        )
    if meta.provisional:
        sections.append(
            CoverSection(
                "Provisional data",
                ["Some data in this workbook are provisional and may be revised."],
            )
        )
    sections += [
        CoverSection(
            "About these data",
            [
                "Underlying data of the official statistics release on inspections of local "
                "authority (LA) children's services under the ILACS framework.",
                f"It contains: every LA in England with its most recent inspection judgements as "
                f"at {at}; all inspections and visits {between}; the ILACS inspection history of "
                "every LA, and of LAs that no longer exist; and the data behind the headline "
                "figures.",
                "The contents sheet lists every sheet; the notes sheet explains the notes "
                "referred to as [note 1] and so on.",
            ],
        ),
        CoverSection("Source", [_source_text(meta.source_description)]),
        CoverSection("Period covered", [f"Inspections as at {at}; in-year activity {between}."]),
        *closing_sections(published, meta.producer, meta.assurer, meta.contact),
    ]
    return sections


# --- reading back -------------------------------------------------------------------------


def write_ods(content: ReleaseContent, path: str | Path) -> Path:
    """Write the release's underlying data as an ODS workbook; returns the path."""
    from inspection_outcomes.core.ods import ods_bytes, write_atomic

    path = Path(path)
    write_atomic(ods_bytes(build_workbook(content)), path)
    return path


def write_xlsx(content: ReleaseContent, path: str | Path) -> Path:
    """Write the release's underlying data as an XLSX workbook; returns the path."""
    from inspection_outcomes.core.ods import write_atomic
    from inspection_outcomes.core.xlsx import xlsx_bytes

    path = Path(path)
    write_atomic(xlsx_bytes(build_workbook(content)), path)
    return path
