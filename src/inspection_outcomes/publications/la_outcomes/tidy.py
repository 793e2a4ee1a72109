"""Tidy CSV files with metadata, in the Explore Education Statistics (EES) data standard.

Each data file has the standard's time and geography columns (time_period, time_identifier,
geographic_level, country_code, country_name; region_code, region_name at regional level;
old_la_code, new_la_code, la_name at local authority level, left empty at higher levels),
then filter columns (never empty: "Total" for the aggregate), then indicator columns (numbers,
or the symbols x = not available, z = not applicable). Each has a `<name>.meta.csv` describing
its filters and indicators. Choices the standard leaves open are written to data_guidance.md.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.tidy import (
    COUNTRY,
    REGION_CODES,
    REGION_ORDER,
    TOTAL,
    MetaRow,
    TidyFile,
    write_tidy_files,
)
from inspection_outcomes.model.frameworks import AREA_LABELS, EVENT_TYPE_LABELS, ILACS_AREAS
from inspection_outcomes.model.frameworks import ILACS_EVENT_TYPES as EVENT_TYPES
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS, percent
from inspection_outcomes.publications.la_outcomes.la_level import NAME as LA_LEVEL
from inspection_outcomes.publications.la_outcomes.la_level import la_level_files
from inspection_outcomes.publications.la_outcomes.workbook import NOT_APPLICABLE, la_cell


def _geo(
    level: str,
    time_period: str,
    time_identifier: str,
    region: str = "",
    la: dict[str, Any] | None = None,
) -> dict[str, Any]:
    row = {
        "time_period": time_period,
        "time_identifier": time_identifier,
        "geographic_level": level,
        "country_code": COUNTRY[0],
        "country_name": COUNTRY[1],
        "region_code": "",
        "region_name": "",
        "old_la_code": "",
        "new_la_code": "",
        "la_name": "",
    }
    if region:
        row.update(region_code=REGION_CODES.get(region, ""), region_name=region)
    if la is not None:
        row.update(
            old_la_code=str(la.get("old_la_code") or ""),
            new_la_code=str(la.get("la_code") or ""),
            la_name=str(la.get("la_name") or ""),
        )
    return row


def _symbol(cell: str) -> str:
    return cell.strip("[]")


def _levels(
    rows: list[dict[str, Any]],
) -> list[tuple[str, str, dict[str, Any] | None, list[dict[str, Any]]]]:
    """(geographic level, region, LA row, the LA rows it covers): national, regional, LA."""
    out: list[tuple[str, str, dict[str, Any] | None, list[dict[str, Any]]]] = [
        ("National", "", None, rows)
    ]
    for region in REGION_ORDER:
        out.append(("Regional", region, None, [r for r in rows if r.get("region") == region]))
    for region in REGION_ORDER:
        las = sorted(
            (r for r in rows if r.get("region") == region),
            key=lambda r: (str(r.get("la_name")), str(r.get("la_code"))),
        )
        out += [("Local authority", region, r, [r]) for r in las]
    return out


def _iso(text: Any) -> date:
    return text if isinstance(text, date) else date.fromisoformat(str(text))


def judgements_as_at(content: ReleaseContent) -> TidyFile:
    """Overall effectiveness and sub-judgements at the most recent inspection, by level.

    At LA level the counts are 1 for the LA's own judgement and 0 for the others, so one file
    carries every level; a judgement the source lacks is x, one not given is z.
    """
    f = content.figures
    year = str(_iso(f["as_at"]).year)
    out = []
    for level, region, la, rows in _levels(content.tables.get("as_at", [])):
        for area in ILACS_AREAS:
            cells = [la_cell(r, area) for r in rows]
            counts = {j: sum(1 for c in cells if c == LABELS[j]) for j in JUDGEMENTS}
            n = sum(counts.values())
            blank = _symbol(str(cells[0])) if la is not None and n == 0 else None
            for j in (*JUDGEMENTS, TOTAL):
                count = n if j == TOTAL else counts[j]
                pct = percent(count, n)
                out.append(
                    {
                        **_geo(level, year, "Reporting year", region, la),
                        "judgement_area": AREA_LABELS[area],
                        "judgement": LABELS.get(j, TOTAL),
                        "number_of_las": blank or count,
                        "percent_of_las": blank
                        or (_symbol(NOT_APPLICABLE) if pct is None else pct),
                    }
                )
    meta = [
        MetaRow(
            "judgement_area",
            "Filter",
            "Judgement area",
            filter_hint="Overall effectiveness or one of the sub-judgements",
        ),
        MetaRow(
            "judgement",
            "Filter",
            "Judgement",
            filter_hint="Judgement at the most recent standard or short inspection; Total "
            "is the LAs with a judgement in the area",
        ),
        MetaRow("number_of_las", "Indicator", "Number of local authorities", indicator_dp="0"),
        MetaRow(
            "percent_of_las",
            "Indicator",
            "Percentage of local authorities",
            indicator_unit="%",
            indicator_dp="0",
        ),
    ]
    return TidyFile(
        "la_judgements_as_at",
        f"Judgements of local authorities at their most recent inspection as at {f['as_at']}",
        meta,
        out,
    )


def _financial_year(f: dict[str, Any]) -> str:
    start = _iso(f["period"]["start"])
    return f"{start.year}{str(start.year + 1)[2:]}"


def inspections_in_year(content: ReleaseContent) -> TidyFile:
    """Inspections and visits in the year by type, and LAs visited, by level."""
    f = content.figures
    period = _financial_year(f)
    coverage = set(f.get("coverage") or EVENT_TYPES)
    events = content.tables.get("in_year", [])
    out = []
    for level, region, la, _ in _levels(content.tables.get("as_at", [])):
        if level == "National":
            mine = events
        elif la is None:
            mine = [e for e in events if e.get("region") == region]
        else:
            mine = [e for e in events if e.get("la_code") == la.get("la_code")]
        for t in (*EVENT_TYPES, TOTAL):
            types = set(EVENT_TYPES) if t == TOTAL else {t}
            held = types <= coverage
            chosen = [e for e in mine if e.get("event_type") in types]
            out.append(
                {
                    **_geo(level, period, "Financial year", region, la),
                    "event_type": EVENT_TYPE_LABELS.get(t, TOTAL),
                    "number_of_events": len(chosen) if held else "x",
                    "number_of_las_visited": len({e.get("la_code") for e in chosen})
                    if held
                    else "x",
                }
            )
    meta = [
        MetaRow(
            "event_type",
            "Filter",
            "Inspection or visit type",
            filter_hint="Standard and short inspections are graded; focused and monitoring "
            "visits are not. Total is all four types",
        ),
        MetaRow(
            "number_of_events", "Indicator", "Number of inspections or visits", indicator_dp="0"
        ),
        MetaRow(
            "number_of_las_visited",
            "Indicator",
            "Number of local authorities visited",
            indicator_dp="0",
        ),
    ]
    return TidyFile(
        "la_inspections_in_year",
        "ILACS inspections and visits by type between "
        f"{f['period']['start']} and {f['period']['end']}",
        meta,
        out,
    )


def graded_outcomes_in_year(content: ReleaseContent) -> TidyFile:
    """Overall effectiveness at the year's standard and short inspections, national and
    regional (an LA has at most one such inspection a year: the LA-level data is the
    in-year sheet of the spreadsheet)."""
    f = content.figures
    period = _financial_year(f)
    graded = [
        e
        for e in content.tables.get("in_year", [])
        if e.get("event_type") in ("standard_inspection", "short_inspection")
    ]
    out = []
    levels = [("National", "", graded)] + [
        ("Regional", region, [e for e in graded if e.get("region") == region])
        for region in REGION_ORDER
    ]
    for level, region, rows in levels:
        cells = [la_cell(r, "overall_effectiveness") for r in rows]
        counts = {j: sum(1 for c in cells if c == LABELS[j]) for j in JUDGEMENTS}
        n = sum(counts.values())
        for j in (*JUDGEMENTS, TOTAL):
            count = n if j == TOTAL else counts[j]
            pct = percent(count, n)
            out.append(
                {
                    **_geo(level, period, "Financial year", region),
                    "judgement": LABELS.get(j, TOTAL),
                    "number_of_inspections": count,
                    "percent_of_inspections": "z" if pct is None else pct,
                }
            )
    meta = [
        MetaRow(
            "judgement",
            "Filter",
            "Overall effectiveness",
            filter_hint="Overall effectiveness judgement given at the inspection; Total is "
            "all standard and short inspections with an overall effectiveness judgement",
        ),
        MetaRow("number_of_inspections", "Indicator", "Number of inspections", indicator_dp="0"),
        MetaRow(
            "percent_of_inspections",
            "Indicator",
            "Percentage of inspections",
            indicator_unit="%",
            indicator_dp="0",
        ),
    ]
    return TidyFile(
        "la_graded_inspection_outcomes_in_year",
        "Overall effectiveness at "
        f"standard and short inspections between {f['period']['start']} and "
        f"{f['period']['end']}",
        meta,
        out,
    )


def tidy_files(content: ReleaseContent) -> list[TidyFile]:
    return [
        judgements_as_at(content),
        inspections_in_year(content),
        graded_outcomes_in_year(content),
    ]


def data_guidance(files: list[TidyFile], content: ReleaseContent) -> str:
    lines = [f"# Data guidance: {content.meta.title}", ""]
    if content.meta.simulated:
        lines += ["**These data are simulated and are not official statistics.**", ""]
    lines += [
        "Tidy data files in the Explore Education Statistics data standard, each with a "
        "`.meta.csv` file describing its filters and indicators.",
        "",
        "## Files",
        "",
        *(f"- `{t.name}.csv`: {t.description}." for t in files),
        f"- `{LA_LEVEL}.csv` (not an EES file): one row per local authority and as-at date, "
        "each judgement as its label, the inspection's dates, type and framework, and the "
        f"previous overall effectiveness; `{LA_LEVEL}.meta.csv` describes its columns.",
        "",
        "## Conventions",
        "",
        '- Time: data as at 31 March use `time_identifier` "Reporting year" and the year of '
        "the date as `time_period` (e.g. 2024 for 31 March 2024). Data for the year 1 April "
        'to 31 March use "Financial year" with the six-digit `time_period` (202324 for '
        "1 April 2023 to 31 March 2024).",
        "- Geography: `geographic_level` is National, Regional or Local authority; columns "
        "for lower levels are empty at higher levels. `new_la_code` is the GSS code and "
        "`old_la_code` the 3-digit code.",
        "- Regions are Ofsted's 8 regions. Ofsted's \"North East, Yorkshire and the Humber\" "
        "has no single ONS code: its `region_code` is the two ONS codes joined by a "
        "semicolon, `E12000001;E12000003`. The other regions use their ONS code.",
        "- Symbols: `x` not available (for example a judgement missing from the source, or an "
        "event type the source does not hold), `z` not applicable (for example a judgement "
        "not given by the framework in force, or a percentage of no LAs).",
        "- Local authority level of `la_judgements_as_at`: the count is 1 for the LA's own "
        "judgement and 0 for the others; Total is 1 where the LA has a judgement in that area.",
        "- Percentages are rounded to whole numbers, half away from zero, from the counts.",
    ]
    if content.meta.notes:
        lines += ["", "## Notes", "", *(f"- {n}" for n in content.meta.notes)]
    return "\n".join(lines) + "\n"


def descriptions(content: ReleaseContent) -> dict[str, str]:
    """What each data file of the release holds, by its name (without .csv), for the pages."""
    from inspection_outcomes.publications.la_outcomes.la_pages.profiles_file import (
        NAME as PROFILES,
    )

    out = {t.name: t.description[:1].upper() + t.description[1:] for t in tidy_files(content)}
    out[LA_LEVEL] = (
        "One row per local authority and as-at date: each judgement as its label, the "
        "inspection's dates, type and framework, and the previous judgement"
    )
    out[PROFILES] = "One row per local authority: what its page in this release says"
    return out


def write_tidy_csv(content: ReleaseContent, folder: str | Path) -> list[Path]:
    """Write the tidy CSV files, their .meta.csv files and data_guidance.md into folder.

    Everything is written to a temporary folder first, then moved into place.
    """
    files = tidy_files(content)
    others = la_level_files(content.tables["la_level"]) if "la_level" in content.tables else {}
    return write_tidy_files(files, data_guidance(files, content), folder, others)


# --- checks -------------------------------------------------------------------------------
