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
    TOTAL,
    MetaRow,
    TidyFile,
    check_tidy_files,
    ofsted_region_meta,
    write_tidy_files,
)
from inspection_outcomes.errors import ReleaseError
from inspection_outcomes.model.ees_geography import (
    COUNTRY,
    OFSTED_REGION,
    EesLa,
    Region,
    ees_la,
    region_of_ofsted,
    regions,
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
    region: Region | None = None,
    la: EesLa | None = None,
) -> dict[str, Any]:
    """The time and geography columns, with EES's codes and names, and the `ofsted_region`
    filter: the Ofsted region of the region or LA ("Total" at national level)."""
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
        OFSTED_REGION: TOTAL,
    }
    if la is not None:
        region = la.region
        row.update(old_la_code=la.old_la_code, new_la_code=la.new_la_code, la_name=la.la_name)
    if region is not None:
        row.update(
            region_code=region.code, region_name=region.name, ofsted_region=region.ofsted_region
        )
    return row


def _symbol(cell: str) -> str:
    return cell.strip("[]")


def _ees(row: dict[str, Any], on: date) -> EesLa:
    """The LA of a table row as EES lists it.

    An LA EES does not list (a simulated copy such as E09000002-2) keeps its own code and
    name, in the ONS region of the LA it copies or the one ONS region of its Ofsted region;
    the EES check then names it, unless the release is simulated (core.ees_rules).
    """
    code = str(row.get("la_code") or "")
    la = ees_la(code, on)
    if la is not None:
        return la
    original = ees_la(code.rsplit("-", 1)[0])
    region = original.region if original else region_of_ofsted(str(row.get("region") or ""))
    if region is None:
        raise ReleaseError(
            f"local authority {row.get('la_name')!r} ({code}) is not in the EES geography "
            "lookup (model/data/ees_geography.csv) and its ONS region is not known"
        )
    return EesLa(code, str(row.get("old_la_code") or ""), str(row.get("la_name") or ""), region)


Level = tuple[str, Region | None, EesLa | None, list[dict[str, Any]]]


def _levels(rows: list[dict[str, Any]], on: date) -> list[Level]:
    """(geographic level, ONS region, EES LA, the LA rows it covers): national, the 9 ONS
    regions (from each LA's ONS region), then LAs by region and EES name."""
    out: list[Level] = [("National", None, None, rows)]
    las = [(_ees(r, on), r) for r in rows]
    for region in regions():
        out.append(("Regional", region, None, [r for la, r in las if la.region == region]))
    for la, r in sorted(las, key=lambda p: (p[0].region.code, p[0].la_name, p[0].new_la_code)):
        out.append(("Local authority", la.region, la, [r]))
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
    for level, region, la, rows in _levels(content.tables.get("as_at", []), _iso(f["as_at"])):
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
        ofsted_region_meta(),
        MetaRow(
            "judgement_area",
            "Filter",
            "Judgement area",
            filter_hint="Overall effectiveness or one of the sub-judgements (areas are not "
            "added up: there is no Total)",
            filter_default=AREA_LABELS["overall_effectiveness"],
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
    on = _iso(f["as_at"])
    for level, region, la, _ in _levels(content.tables.get("as_at", []), on):
        if level == "National":
            mine = events
        elif la is None:
            mine = [e for e in events if _ees(e, on).region == region]
        else:
            mine = [e for e in events if _ees(e, on) == la]
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
        ofsted_region_meta(),
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
    levels: list[tuple[str, Region | None, list[dict[str, Any]]]] = [("National", None, graded)]
    levels += [
        ("Regional", region, [e for e in graded if _ees(e, _iso(f["as_at"])).region == region])
        for region in regions()
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
        ofsted_region_meta(),
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
        "for lower levels are empty at higher levels. Codes and names are those of the EES "
        "geography lookup: `new_la_code` is the GSS code, `old_la_code` the 3-digit code and "
        '`la_name` the name EES lists (for example "Bedford", "County Durham", '
        '"Herefordshire, County of"), which can differ from the names used in the pages.',
        "- Regions: Regional rows are the 9 ONS regions with their ONS codes (for example "
        'E12000003 "Yorkshire and The Humber"), each the sum of the local authorities in it; '
        "local authority rows give their ONS region too. Ofsted reports by its own 8 regions "
        '(it joins North East and Yorkshire and The Humber as "North East, Yorkshire and the '
        'Humber"), which EES does not list: the filter `ofsted_region` gives the Ofsted region '
        "of each region and local authority row (Total at national level), and Ofsted's "
        "regional figures are the sums of the ONS regions with that filter item. The pages "
        "and spreadsheets give Ofsted's regions.",
        "- Filters: every filter has a Total or a declared default (`filter_default` in the "
        "metadata); `judgement_area` has no Total (the areas are not added up) and defaults "
        "to Overall effectiveness.",
        "- Indicators: counts are whole numbers (`indicator_unit` blank, `indicator_dp` 0); "
        "percentages have `indicator_unit` % and `indicator_dp` 0.",
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


def check_tidy_csv_files(content: ReleaseContent, folder: str | Path) -> list[str]:
    """The EES screener's rules (core.ees_rules) the written files break. A simulated
    release's copied LAs (E09000002-2...) are not EES geographies: their code/name check is
    left out, as the data guidance says the files are simulated."""
    skip = ("geog_la_combos",) if content.meta.simulated else ()
    return check_tidy_files(tidy_files(content), folder, skip=skip)


# --- checks -------------------------------------------------------------------------------
