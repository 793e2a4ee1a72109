"""The providers release's underlying data as a Workbook (the model spreadsheet.py defines).

Same conventions as the LA workbook: cover, contents and notes sheets, then one table per
sheet with its title in A1, a few lines, one header row and no blank cells ([x] a figure the
source data do not hold, [z] a figure that cannot exist). The ODS and XLSX writers
(ods_bytes, xlsx_bytes) write it unchanged.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.sentences import join_names
from inspection_outcomes.core.workbook import (
    NOT_APPLICABLE,
    NOT_AVAILABLE,
    SYMBOL_LINE,
    Cell,
    CoverSection,
    Notes,
    Sheet,
    Workbook,
    closing_sections,
    contents_and_notes,
    draft_sections,
    long_date,
    make_sheet,
    or_blank,
)
from inspection_outcomes.model.scale import JUDGEMENTS, SUPPORTED_ACCOMMODATION_JUDGEMENTS
from inspection_outcomes.publications.providers import common as pc
from inspection_outcomes.publications.providers.findings.change_over_time import change_table
from inspection_outcomes.publications.providers.findings.sub_judgements import (
    SUB_JUDGEMENT_LABELS,
)


def _judgement_columns(scale: tuple[str, ...], unit: str) -> list[tuple[str, str]]:
    cols = [(f"{unit} with a judgement", "number")]
    cols += [(f"{pc.GRADE_LABELS[j]} (number)", "number") for j in scale]
    cols += [(f"{pc.GRADE_LABELS[j]} (%)", "number") for j in scale]
    if scale == JUDGEMENTS:
        cols.append(("Good or outstanding (%)", "number"))
    return cols


def _judgement_cells(counts: dict[str, Any] | None, scale: tuple[str, ...]) -> list[Cell]:
    """n, the counts, the percentages (and good or outstanding on the four-point scale)."""
    counts = counts or {}
    n = pc.total({j: counts.get(j) for j in scale})
    cells: list[Cell] = [or_blank(n)]
    cells += [or_blank(counts.get(j)) for j in scale]
    pct_blank = NOT_AVAILABLE if n is None else NOT_APPLICABLE  # no providers: no percentage
    cells += [or_blank(pc.share(counts.get(j), n), pct_blank) for j in scale]
    if scale == JUDGEMENTS:
        cells.append(or_blank(pc.share(pc.best_two(counts), n), pct_blank))
    return cells


def build_providers_workbook(content: ReleaseContent) -> Workbook:
    """The whole workbook of the providers release's underlying data."""
    f = content.figures
    meta = content.meta
    as_at = date.fromisoformat(f["latest_overall_effectiveness"]["as_at"])
    published = date.fromisoformat(meta.publication_date) if meta.publication_date else as_at
    at = long_date(as_at)
    iy = f["in_year_overall_effectiveness"]
    between = (
        f"between {long_date(date.fromisoformat(iy['start']))} and "
        f"{long_date(date.fromisoformat(iy['end']))}"
    )
    register_held = f["providers_and_places"]["providers"]["all_providers"] is not None
    in_year_held = iy["groups"]["all_providers"]["good"] is not None
    jl = f["joiners_and_leavers"]
    jl_held = jl["joiners"]["all_providers"] is not None

    notes = Notes()
    if meta.simulated:
        notes.add(
            "simulated", "These data are simulated: they are not Ofsted's official statistics."
        )
    notes.add(
        "latest",
        f"Each provider registered as at {at} with the judgement of its latest "
        "full inspection. Providers not yet inspected have no judgement and are not "
        "counted in these tables.",
    )
    notes.add(
        "groups",
        "All children's homes is children's homes, residential special "
        "schools registered as children's homes and secure children's homes together. "
        "All providers is every provider group.",
    )
    notes.add(
        "supported",
        "Supported accommodation is judged on its own scale: consistently "
        "strong, inconsistent quality, or serious or widespread weaknesses. Its figures "
        "are on the Supported_accommodation sheet.",
    )
    notes.add("sector", f"Sector: {f['rules']['sector_description']}.")
    notes.add(
        "regions",
        "Regions are Ofsted's 8 regions; the few providers the data place in "
        "Wales are shown as their own region.",
    )
    notes.add("in_year", f"In-year outcomes count {f['rules']['in_year_events']}.")
    notes.add(
        "rounding",
        "Percentages are rounded to whole numbers (halves away from zero) "
        "from the counts, so they may not add up to 100.",
    )
    notes.add(
        "places",
        "Places are registered places; provision types without places "
        "(agencies, for example) are [z].",
    )
    notes.add(
        "not_held",
        "[x] marks a figure the source data of this release do not hold "
        "(for example providers and places, or joiners and leavers, when the source "
        "has no such table).",
    )
    for i, text in enumerate(meta.notes):
        notes.add(f"meta_{i}", text)

    sim = (
        [f"These data are simulated and are not official statistics {notes.ref('simulated')}."]
        if meta.simulated
        else []
    )
    rounding = notes.ref("rounding")
    four = pc.FOUR_POINT_GROUPS
    sheets: list[Sheet] = []
    latest = f["latest_overall_effectiveness"]["groups"]

    def judged(
        name: str,
        title: str,
        description: str,
        line: str,
        keys: list[tuple[str, str]],
        rows: list[list[Cell]],
        unit: str = "Providers",
    ) -> None:
        sheets.append(
            make_sheet(
                name,
                title,
                description,
                [*sim, line, SYMBOL_LINE],
                [*keys, *_judgement_columns(JUDGEMENTS, unit)],
                rows,
            )
        )

    judged(
        "Latest_outcomes",
        f"Overall effectiveness of providers at their latest full inspection, as at {at}",
        "Latest overall effectiveness by provider group",
        f"Latest full inspection {notes.ref('latest')}; provider groups "
        f"{notes.ref('groups')}; percentages {rounding}.",
        [("Provider group", "text")],
        [[pc.group_label(g), *_judgement_cells(latest[g], JUDGEMENTS)] for g in four],
    )

    by_sector = f["by_sector"]["latest_overall_effectiveness"]
    judged(
        "Latest_outcomes_by_sector",
        f"Overall effectiveness of providers at their latest full inspection, by sector, "
        f"as at {at}",
        "Latest overall effectiveness by sector and provider group",
        f"Sector {notes.ref('sector')}; latest full inspection {notes.ref('latest')}; "
        f"percentages {rounding}.",
        [("Sector", "text"), ("Provider group", "text")],
        [
            [pc.sector_label(s), pc.group_label(g), *_judgement_cells(by_sector[s][g], JUDGEMENTS)]
            for s in pc.sectors(by_sector)
            for g in four
        ],
    )

    by_region = f["by_region"]["latest_overall_effectiveness"]
    judged(
        "Latest_outcomes_by_region",
        f"Overall effectiveness of providers at their latest full inspection, by region, "
        f"as at {at}",
        "Latest overall effectiveness by Ofsted region and provider group",
        f"Ofsted regions {notes.ref('regions')}; percentages {rounding}.",
        [("Ofsted region", "text"), ("Provider group", "text")],
        [
            [r, pc.group_label(g), *_judgement_cells(by_region[r][g], JUDGEMENTS)]
            for r in pc.regions(by_region)
            for g in four
        ],
    )

    la = f["by_local_authority"]
    la_rows: list[list[Cell]] = [
        [
            name,
            pc.group_label(g),
            *_judgement_cells(la["latest_overall_effectiveness"][name][g], JUDGEMENTS),
        ]
        for name in pc.areas(la["latest_overall_effectiveness"])
        for g in la["groups"]
    ]
    judged(
        "Latest_outcomes_by_LA",
        f"Overall effectiveness of providers at their latest full inspection, by local "
        f"authority area, as at {at}",
        "Latest overall effectiveness by local authority area (all providers and all "
        "children's homes)",
        f"Local authority area the provider is in; percentages {rounding}.",
        [("Local authority area", "text"), ("Provider group", "text")],
        la_rows or [[NOT_APPLICABLE] * (2 + len(_judgement_columns(JUDGEMENTS, "")))],
    )

    in_year_line = f"Full inspections {between} {notes.ref('in_year')}; percentages {rounding}."
    if not in_year_held:
        in_year_line += " The source data hold no in-year inspections: every value is [x]."
    judged(
        "In_year_outcomes",
        f"Overall effectiveness at full inspections of providers {between}",
        "Outcomes of the full inspections in the year by provider group",
        in_year_line,
        [("Provider group", "text")],
        [[pc.group_label(g), *_judgement_cells(iy["groups"][g], JUDGEMENTS)] for g in four],
        unit="Inspections",
    )

    by_type = iy["events_by_type"]
    types = sorted({t for g in pm_groups(f) for t in (by_type[g] or {})})
    if types:
        type_cols = [(t.replace("_", " ").capitalize(), "number") for t in types]
        type_rows: list[list[Cell]] = [
            [pc.group_label(g), *[(by_type[g] or {}).get(t, 0) for t in types]]
            for g in pm_groups(f)
        ]
        type_line = f"Every inspection and visit that took place {between}."
    else:
        type_cols = [("Inspections and visits", "number")]
        type_rows = [[pc.group_label(g), NOT_AVAILABLE] for g in pm_groups(f)]
        type_line = "The source data hold no in-year inspections: every value is [x]."
    sheets.append(
        make_sheet(
            "In_year_events_by_type",
            f"Inspections and visits of providers by type {between}",
            "Number of inspections and visits in the year by type and provider group",
            [*sim, type_line, SYMBOL_LINE],
            [("Provider group", "text"), *type_cols],
            type_rows,
        )
    )

    sa = SUPPORTED_ACCOMMODATION_JUDGEMENTS
    sa_rows: list[list[Cell]] = []
    for g in pc.SA_GROUPS:
        sa_rows.append([f"Latest as at {at}", "England", *_judgement_cells(latest[g], sa)])
        sa_rows += [
            [f"Latest as at {at}", pc.sector_label(s), *_judgement_cells(by_sector[s][g], sa)]
            for s in pc.sectors(by_sector)
        ]
        sa_rows += [
            [f"Latest as at {at}", r, *_judgement_cells(by_region[r][g], sa)]
            for r in pc.regions(by_region)
        ]
        sa_rows.append(
            [f"Full inspections {between}", "England", *_judgement_cells(iy["groups"][g], sa)]
        )
    sheets.append(
        make_sheet(
            "Supported_accommodation",
            f"Supported accommodation providers' outcomes as at {at} and {between}",
            "Outcomes of supported accommodation providers (their own scale)",
            [
                *sim,
                f"Supported accommodation's scale {notes.ref('supported')}; sectors "
                f"{notes.ref('sector')}; percentages {rounding}.",
                SYMBOL_LINE,
            ],
            [
                ("Measure", "text"),
                ("England, sector or region", "text"),
                *_judgement_columns(sa, "Providers or inspections"),
            ],
            sa_rows,
        )
    )

    pp = f["providers_and_places"]
    pp_line = (
        f"Providers on the register as at {at} {notes.ref('places')}."
        if register_held
        else f"The source data hold no register of providers and places as at {at}: every "
        f"value is [x] {notes.ref('not_held')}."
    )

    def places_cell(providers: Any, places: Any) -> Cell:
        return or_blank(places, NOT_AVAILABLE if providers is None else NOT_APPLICABLE)

    sheets.append(
        make_sheet(
            "Providers_and_places",
            f"Providers and places by provider group, as at {at}",
            "Number of providers and registered places by provider group",
            [*sim, pp_line, SYMBOL_LINE],
            [("Provider group", "text"), ("Providers", "number"), ("Places", "number")],
            [
                [
                    pc.group_label(g),
                    or_blank(pp["providers"][g]),
                    places_cell(pp["providers"][g], pp["places"][g]),
                ]
                for g in pm_groups(f)
            ],
        )
    )
    for key, name, label, title_part in (
        ("by_sector", "Providers_and_places_sector", "Sector", "by sector"),
        ("by_region", "Providers_and_places_region", "Ofsted region", "by region"),
        (
            "by_local_authority",
            "Providers_and_places_LA",
            "Local authority area",
            "by local authority area",
        ),
    ):
        block = f[key]
        groups = block.get("groups") or list(pm_groups(f))
        order = {"by_sector": pc.sectors, "by_region": pc.regions}.get(key, pc.areas)
        rows: list[list[Cell]] = [
            [
                pc.sector_label(k) if key == "by_sector" else k,
                pc.group_label(g),
                or_blank(block["providers"][k][g]),
                places_cell(block["providers"][k][g], block["places"][k][g]),
            ]
            for k in order(block["providers"])
            for g in groups
        ]
        sheets.append(
            make_sheet(
                name,
                f"Providers and places {title_part} and provider group, as at {at}",
                f"Number of providers and registered places {title_part}",
                [*sim, pp_line, SYMBOL_LINE],
                [
                    (label, "text"),
                    ("Provider group", "text"),
                    ("Providers", "number"),
                    ("Places", "number"),
                ],
                rows or [[NOT_APPLICABLE] * 4],
            )
        )

    jl_period = (
        f"between {long_date(date.fromisoformat(jl['start']))} and "
        f"{long_date(date.fromisoformat(jl['end']))}"
        if jl["start"] and jl["end"]
        else "in the period"
    )
    jl_line = (
        f"Providers that joined or left the register {jl_period} {notes.ref('places')}."
        if jl_held
        else "The source data hold no joiners and leavers table: every "
        f"value is [x] {notes.ref('not_held')}."
    )
    sheets.append(
        make_sheet(
            "Joiners_and_leavers",
            f"Providers that joined and left the register {jl_period}",
            "Joiners and leavers, and their places, by provider group",
            [*sim, jl_line, SYMBOL_LINE],
            [
                ("Provider group", "text"),
                ("Joiners", "number"),
                ("Leavers", "number"),
                ("Joiner places", "number"),
                ("Leaver places", "number"),
            ],
            [
                [
                    pc.group_label(g),
                    or_blank(jl["joiners"][g]),
                    or_blank(jl["leavers"][g]),
                    places_cell(jl["joiners"][g], jl["joiner_places"][g]),
                    places_cell(jl["leavers"][g], jl["leaver_places"][g]),
                ]
                for g in pm_groups(f)
            ],
        )
    )

    sheets += _sub_judgement_and_change_sheets(f, at, sim, notes)
    # a sheet of nothing but [x] is not written: the cover says once what is absent
    absent = {
        "In_year": None if in_year_held else "inspections in the year",
        "Providers_and_places": None if register_held else "providers and places",
        "Joiners_and_leavers": None if jl_held else "joiners and leavers",
    }
    sheets = [
        sh for sh in sheets if not any(sh.name.startswith(k) and v for k, v in absent.items())
    ]
    missing = [v for v in absent.values() if v]
    if any(_nothing_held(sh) for sh in sheets if sh.name == "Supported_accommodation"):
        sheets = [sh for sh in sheets if sh.name != "Supported_accommodation"]
        missing.append("supported accommodation outcomes")

    return Workbook(
        title=meta.title,
        cover_sections=_cover(content, notes, at, between, published, missing),
        sheets=contents_and_notes(notes, sheets),
        created=published,
        author=meta.producer or "Ofsted",
        subject=f"Underlying data: {meta.title}",
        keywords=["children's social care", "children's homes", "providers", "inspection"],
    )


def _sub_judgement_and_change_sheets(
    f: dict[str, Any], at: str, sim: list[str], notes: Notes
) -> list[Sheet]:
    """The SCCIF judgements behind the headline, and the change since the previous year:
    each a sheet only where the source data hold it."""
    out: list[Sheet] = []
    subs = f["latest_sub_judgements"]["groups"]
    held = [s for s in SUB_JUDGEMENT_LABELS if subs["all_childrens_homes"][s]["good"] is not None]
    if len(held) > 1:
        out.append(
            make_sheet(
                "Sub_judgements",
                f"Providers by each judgement at their latest full inspection, as at {at}",
                "Providers by provider group and by each of the three judgements of a full "
                "inspection under the social care common inspection framework (SCCIF)",
                [*sim, "The first judgement is the overall one, the release's headline."],
                [
                    ("Provider group", "text"),
                    ("Judgement", "text"),
                    *_judgement_columns(JUDGEMENTS, "Providers"),
                ],
                [
                    [
                        pc.group_label(g),
                        SUB_JUDGEMENT_LABELS[s],
                        *_judgement_cells(subs[g][s], JUDGEMENTS),
                    ]
                    for g in pc.FOUR_POINT_GROUPS
                    if g in subs
                    for s in held
                ],
            )
        )
    details = f["register_details"]
    kinds = [
        (
            label,
            details[key]["providers"]["all_childrens_homes"],
            details[key]["places"]["all_childrens_homes"],
        )
        for key, label in (
            ("short_break_only", "Children's homes offering short breaks only"),
            ("multi_building", "Children's homes of more than one building"),
        )
        if details[key]["providers"]["all_childrens_homes"] is not None
    ]
    premises = details["premises"]["supported_accommodation"]
    if premises is not None and f["providers_and_places"]["providers"]["supported_accommodation"]:
        kinds.append(
            (
                "Supported accommodation premises",
                premises,
                f["providers_and_places"]["places"]["supported_accommodation"],
            )
        )
    if kinds:
        out.append(
            make_sheet(
                "Home_types_and_premises",
                f"Children's homes by type, and supported accommodation premises, as at {at}",
                "Short-break-only and multi-building children's homes, and the premises of "
                "supported accommodation providers, with their places",
                [*sim, f"On the register as at {at}.", SYMBOL_LINE],
                [("Type", "text"), ("Homes or premises", "number"), ("Places", "number")],
                [[label, n, or_blank(places)] for label, n, places in kinds],
            )
        )
    since = f["change_since_previous_inspection"]["groups"]
    if since["all_providers"]["same"] is not None:
        out.append(
            make_sheet(
                "Change_since_previous",
                f"Providers by change since their previous full inspection, as at {at}",
                "Providers whose latest full inspection improved on, kept or fell below the "
                "overall judgement of their previous one, by provider group",
                [
                    *sim,
                    "Providers with a judgement at both their latest and their previous full "
                    "inspection; outstanding is the best judgement, inadequate the worst.",
                ],
                [
                    ("Provider group", "text"),
                    ("Providers with both judgements", "number"),
                    ("Improved", "number"),
                    ("Same judgement", "number"),
                    ("Declined", "number"),
                ],
                [
                    [
                        pc.group_label(g),
                        sum(since[g].values()),
                        since[g]["improved"],
                        since[g]["same"],
                        since[g]["declined"],
                    ]
                    for g in pc.FOUR_POINT_GROUPS
                ],
            )
        )
    if f.get("previous_year"):
        table = change_table(f)
        out.append(
            make_sheet(
                "Change_over_time",
                table.caption,
                "Providers with a judgement and the percentage good or outstanding, a year "
                "apart, by provider group",
                [*sim, *table.notes, SYMBOL_LINE],
                [(c, "text" if i == 0 else "number") for i, c in enumerate(table.columns)],
                [[or_blank(v) for v in row] for row in table.rows],
            )
        )
    return out


def _nothing_held(sheet: Sheet) -> bool:
    """Every number of the sheet is [x]: the source holds none of its figures."""
    numbers = [i for i, c in enumerate(sheet.columns) if c.kind == "number"]
    return all(row[i] == NOT_AVAILABLE for row in sheet.rows for i in numbers)


def pm_groups(f: dict[str, Any]) -> list[str]:
    """Provider groups in Ofsted's order."""
    return pc.groups(f["latest_overall_effectiveness"]["groups"])


def _cover(
    content: ReleaseContent,
    notes: Notes,
    at: str,
    between: str,
    published: date,
    missing: list[str],
) -> list[CoverSection]:
    meta = content.meta
    f = content.figures
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
                [
                    f"The in-period data of this workbook (inspections {between}) are provisional: "
                    "there may have been inspections in the period whose reports had not been "
                    "published when the data were extracted. They will be revised in the next annual "
                    "release."
                ],
            )
        )
    sources = f["sources"]
    source_text = f"Ofsted's provider-level data: {sources['as_at']} (as at {at})"
    if sources.get("in_year") and sources["in_year"] != sources["as_at"]:
        source_text += f"; {sources['in_year']} (inspections {between})"
    sections += [
        CoverSection(
            "About these data",
            [
                "Underlying data of the official statistics release on children's social care "
                "providers in England (children's homes, secure children's homes, independent "
                "fostering agencies, residential special schools, supported accommodation and "
                "others) and their inspection outcomes.",
                "It contains: "
                + "; ".join(
                    part
                    for part, what in (
                        (
                            "the overall effectiveness of providers at their latest full "
                            f"inspection as at {at}, by provider group, sector, region and local "
                            "authority area",
                            "",
                        ),
                        (f"the outcomes of full inspections {between}", "inspections in the year"),
                        ("providers and places", "providers and places"),
                        ("joiners and leavers", "joiners and leavers"),
                    )
                    if what not in missing
                )
                + ". No provider is named: the tables hold counts only.",
                *(
                    [
                        "It has no sheets of "
                        + join_names(missing)
                        + ": the source data of this release do not hold them."
                    ]
                    if missing
                    else []
                ),
                "The contents sheet lists every sheet; the notes sheet explains the notes "
                "referred to as [note 1] and so on.",
            ],
        ),
        CoverSection("Source", [source_text + "."]),
        CoverSection(
            "Period covered",
            [
                f"Providers as at {at}."
                if "inspections in the year" in missing
                else f"Providers as at {at}; inspections {between}."
            ],
        ),
        *closing_sections(published, meta.producer, meta.assurer, meta.contact),
    ]
    return sections
