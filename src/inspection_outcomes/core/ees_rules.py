"""The rules of DfE's data screener for Explore Education Statistics (EES), applied to a
tidy data file and its .meta.csv so that a release is built only with files EES accepts.

The screener is the R package eesyscreener (0.3.1, github.com/dfe-analytical-services/
eesyscreener), which EES runs on upload; it cannot be installed here, so its published rules
are implemented from its source and from the EES data standards (DfE analysts' guide, "Open
data standards", ud.html). Each rule below carries the screener's check name (its function
is `check_<name>` or `precheck_<name>`) and the section of the standard it enforces. The
screener's warnings count as failures here: a file should go up without any.

Not implemented, as they test what these files never hold: the lower-level geography checks
(geog_na, geog_na_code, geog_other_dupes, geog_other_code_dupes: MAT, sponsor, opportunity
area), the ethnicity value checks (harmonised_eth_*), and the API data dictionary checks
(data_dict_*, warnings for API data sets only).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from inspection_outcomes.model.ees_geography import acceptable

GUIDE = "https://dfe-analytical-services.github.io/analysts-guide/statistics-production/ud.html"

#: Screener `req_meta_cols` and `optional_meta_cols`.
REQUIRED_META = (
    "col_name",
    "col_type",
    "label",
    "indicator_grouping",
    "indicator_unit",
    "indicator_dp",
    "filter_hint",
    "filter_grouping_column",
)
OPTIONAL_META = ("filter_default", "parent_filter")
#: Screener `req_data_cols`.
REQUIRED_DATA = (
    "geographic_level",
    "time_period",
    "time_identifier",
    "country_code",
    "country_name",
)

#: Screener `geography_df`: level -> (code column, name column, secondary code column).
LEVELS: dict[str, tuple[str, str, str]] = {
    "National": ("country_code", "country_name", ""),
    "Regional": ("region_code", "region_name", ""),
    "Local authority": ("new_la_code", "la_name", "old_la_code"),
    "Local authority district": ("lad_code", "lad_name", ""),
    "RSC region": ("", "rsc_region_lead_name", ""),
    "Parliamentary constituency": ("pcon_code", "pcon_name", ""),
    "Local skills improvement plan area": ("lsip_code", "lsip_name", ""),
    "Local enterprise partnership": (
        "local_enterprise_partnership_code",
        "local_enterprise_partnership_name",
        "",
    ),
    "English devolved area": ("english_devolved_area_code", "english_devolved_area_name", ""),
    "Opportunity area": ("opportunity_area_code", "opportunity_area_name", ""),
    "Ward": ("ward_code", "ward_name", ""),
    "MAT": ("trust_id", "trust_name", ""),
    "Sponsor": ("sponsor_id", "sponsor_name", ""),
    "School": ("school_urn", "school_name", "school_laestab"),
    "Provider": ("provider_ukprn", "provider_name", ""),
    "Institution": ("institution_id", "institution_name", ""),
    "Planning area": ("planning_area_code", "planning_area_name", ""),
    "Police force area": ("pfa_code", "pfa_name", ""),
}
_LOW = ("School", "Provider", "Institution")
#: Screener check_geog_overcompleted_cols: the levels whose rows may fill a level's columns.
COMPATIBLE: dict[str, tuple[str, ...]] = {
    "Regional": (
        "Regional",
        "Local skills improvement plan area",
        "Local authority",
        "Local enterprise partnership",
        "Opportunity area",
        "Local authority district",
        "Parliamentary constituency",
        "English devolved area",
        "Ward",
        *_LOW,
        "Planning area",
        "Police force area",
    ),
    "Local authority": (
        "Local authority",
        "Parliamentary constituency",
        "Local authority district",
        "Ward",
        *_LOW,
        "Planning area",
        "Police force area",
    ),
}
GEOGRAPHY_FIELDS = tuple(dict.fromkeys(c for cols in LEVELS.values() for c in cols if c))
OB_UNITS = ("time_period", "time_identifier", "geographic_level", *GEOGRAPHY_FIELDS)
#: Screener `potential_ob_units_regex`: columns that look like geography or institutions.
POTENTIAL_OB_UNIT = re.compile(
    r"(^(country|sch|prov|inst|estab|reg|la|local|rsc|pfa|pcon|lep|mca|oa|ward|mat)"
    r".*(name|code|urn|ukprn|number|upin|id)$)"
    r"|(^(laestab|estab|sch|school|schools|prov|provider|providers|inst|institution|"
    r"institutions|name|code|urn|ukprn|number|upin|id|region|la|lad|rsc|pcon|lep|mca|oa|ward|"
    r"mat)$)",
    re.IGNORECASE,
)

_WEEKS = tuple(f"Week {n}" for n in range(1, 53))
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_TERMS = ("Spring term", "Autumn term", "Summer term")
_FQ = tuple(f"Financial year Q{n}" for n in range(1, 5))
_FH = ("Part 1 (April to September)", "Part 2 (October to March)")
#: Screener `acceptable_time_ids`: identifiers that may be mixed in one file share a group.
TIME_GROUPS: tuple[tuple[str, ...], ...] = (
    ("Autumn and spring term",),
    ("Calendar year",),
    ("Financial year",),
    ("Academic year",),
    ("Tax year",),
    ("Reporting year",),
    _TERMS,
    _WEEKS,
    _MONTHS,
    _FQ,
    _FH,
)
FOUR_DIGIT = ("Calendar year", "Reporting year", *_WEEKS, *_MONTHS)
SIX_DIGIT: tuple[str, ...] = (
    "Autumn and spring term",
    *_TERMS,
    "Financial year",
    "Academic year",
    "Tax year",
    *_FQ,
    *_FH,
)

#: Screener `acceptable_indicator_units` (blank: a plain number).
INDICATOR_UNITS = ("%", "pp", "£", "£m", "numberstring")
#: GSS symbols EES accepts in indicators: x not available, z not applicable, c confidential,
#: low rounds to 0, u low reliability (screener `gss_symbols`; the standard's symbols list).
SYMBOLS = ("x", "z", "c", "low", "u")
LEGACY_SYMBOLS = ("~", ":")
NULL_SYMBOLS = ("NULL", "Null", "null", "NA", "na")
LEGACY_NO_DATA = ("N/A", "n/a", ".", "..", "-")
TOTALS = ("Total", "total", "All", "all")
SMUSHED = (
    "male",
    "female",
    "asian",
    "chinese",
    "indian",
    "pakistani",
    "bangladeshi",
    "black",
    "african",
    "caribbean",
    "white",
    "roma",
    "irish",
    "english",
    "british",
    "scottish",
    "welsh",
    "northern irish",
    "arab",
)
#: Screener `harmonised_col_names`: a column whose name holds the search string must be one
#: of the harmonised names.
HARMONISED = {
    "sen_": ("sen_status", "sen_primary_need", "sen_secondary_need", "sen_provision"),
    "primary_need": ("sen_primary_need",),
    "secondary_need": ("sen_secondary_need",),
    "establishment_type": ("establishment_type", "establishment_type_group"),
    "provider_type": ("provider_type",),
    "school_type": ("establishment_type", "establishment_type_group"),
    "ethnic": ("ethnicity_major", "ethnicity_minor", "ethnicity_detailed", "minority_ethnic"),
}
#: Screener `api_char_limits`.
CHAR_LIMITS = {"column-name": 50, "column-label": 100, "location-code": 30, "column-item": 120}
FILTER_ITEM_LIMIT = 25000
#: Lines reported per rule and file; the rest are counted.
MAX_LINES = 5


@dataclass(frozen=True)
class Rule:
    name: str  # the screener's check name
    says: str  # what the rule requires
    anchor: str  # section of the EES standard (ud.html#...)


_R = (
    Rule("filename_spaces", "file names have no spaces", "naming-conventions"),
    Rule("filename_special", "file names hold only letters, numbers, - and _", "naming-conventions"),
    Rule("filenames_match", "the metadata file is <data file>.meta.csv", "naming-conventions"),
    Rule("col_req_meta", "the metadata has the required columns", "metadata-file"),
    Rule("col_invalid_meta", "the metadata has no other columns", "metadata-file"),
    Rule("col_req_data", "the data have the mandatory columns", "mandatory-columns"),
    Rule("col_to_rows", "no more metadata rows than non-mandatory data columns", "metadata-file"),
    Rule("cross_meta_to_data", "every metadata column is in the data", "metadata-file"),
    Rule("cross_data_to_meta", "every varying data column is described", "metadata-file"),
    Rule("col_names_spaces", "column names have no spaces", "variable-names"),
    Rule("col_snake_case", "column names are snake_case", "variable-names"),
    Rule("col_var_start", "column names start with a lowercase letter", "variable-names"),
    Rule("col_ind_smushed", "indicators do not hold filter items in their name", "tidy-data"),
    Rule("col_var_characteristic", "no characteristic columns", "introduction-to-filters"),
    Rule("meta_col_type", "col_type is Filter or Indicator", "metadata-file"),
    Rule("meta_ob_unit", "observational units are not in the metadata", "metadata-file"),
    Rule("meta_col_name", "every metadata row has a col_name", "metadata-file"),
    Rule("meta_dupe_label", "labels are unique", "metadata-file"),
    Rule("meta_fil_grp", "indicators have no filter_grouping_column", "filter-groups"),
    Rule("meta_fil_grp_dupe", "filter groups are unique", "filter-groups"),
    Rule("meta_fil_grp_is_fil", "filter groups are col_names too", "filter-groups"),
    Rule("meta_fil_grp_match", "filter groups are in the data", "filter-groups"),
    Rule("meta_fil_grp_stripped", "filter group items differ in letters or numbers", "filter-groups"),
    Rule("meta_label", "every metadata row has a label", "metadata-file"),
    Rule("meta_filter_hint", "indicators have no filter_hint", "metadata-file"),
    Rule("meta_geog_catch", "no filter is a geography column", "metadata-file"),
    Rule("meta_indicator_dp", "filters have no indicator_dp", "metadata-file"),
    Rule("meta_col_name_spaces", "col_names have no spaces", "metadata-file"),
    Rule("meta_col_name_dupe", "col_names are unique", "metadata-file"),
    Rule("meta_ind_dp_set", "every indicator has indicator_dp", "metadata-file"),
    Rule("meta_ind_dp_values", "indicator_dp is blank or a whole number 0 or more", "metadata-file"),
    Rule("meta_ind_unit", "filters have no indicator_unit", "metadata-file"),
    Rule("meta_ind_unit_validation", "indicator_unit is blank or an EES unit", "metadata-file"),
    Rule("meta_indicator_grouping", "filters have no indicator_grouping", "metadata-file"),
    Rule("time_period_num", "time_period is a 4 or 6 digit number", "list-of-allowable-time-values"),
    Rule("time_id_valid", "time_identifier is an EES time identifier", "list-of-allowable-time-values"),
    Rule("time_id_mix", "time identifiers are not mixed across types", "list-of-allowable-time-values"),
    Rule("time_period", "time_period length matches time_identifier", "list-of-allowable-time-values"),
    Rule("time_period_six", "6 digit periods are consecutive years", "list-of-allowable-time-values"),
    Rule("filter_not_singular", "every filter has two or more items", "introduction-to-filters"),
    Rule("filter_defaults", "every filter has Total or its filter_default", "aggregates-and-default-filters"),
    Rule("filter_group_level", "filter groups have fewer items than their filter", "filter-groups"),
    Rule("filter_item_limit", "filters have at most 25,000 items", "introduction-to-filters"),
    Rule("filter_whitespace", "filter items have no leading or trailing spaces", "introduction-to-filters"),
    Rule("filter_ob_total", "geography columns hold no Total or All", "aggregates-and-default-filters"),
    Rule("filter_blanks", "filter cells are never blank", "introduction-to-filters"),
    Rule("geog_level", "geographic_level is an EES level", "allowable-geographic-levels"),
    Rule("geog_level_present", "the columns of each level are present", "allowable-geographic-levels"),
    Rule("geog_country_combos", "country code and name are an EES pair", "allowable-geographic-levels"),
    Rule("geog_region_combos", "region code and name are an EES pair", "allowable-geographic-levels"),
    Rule("geog_la_combos", "LA codes and name are an EES triple", "allowable-geographic-levels"),
    Rule("geog_level_completed", "the columns of a row's level are filled", "allowable-geographic-levels"),
    Rule("geog_overcompleted_cols", "columns of lower levels are empty", "allowable-geographic-levels"),
    Rule("geog_region_col_present", "region columns come as a pair", "allowable-geographic-levels"),
    Rule("geog_la_col_present", "LA columns come as a set", "allowable-geographic-levels"),
    Rule("geog_region_for_la", "LA rows give their region", "allowable-geographic-levels"),
    Rule("general_dupes", "no two rows share time, geography and filters", "tidy-data"),
    Rule("general_null", "no null or legacy no-data symbols", "symbols"),
    Rule("ind_invalid_entry", "indicators are never blank, ~ or :", "symbols"),
    Rule("ind_value", "indicators are numbers or x, z, c, low, u", "symbols"),
    Rule("harmonised_variables", "harmonised variables use their standard names", "common-harmonised-variables"),
    Rule("api_char_col_name", "column names have at most 50 characters", "api-data-standards"),
    Rule("api_char_col_label", "labels have at most 100 characters", "api-data-standards"),
    Rule("api_char_loc_code", "location codes have at most 30 characters", "api-data-standards"),
    Rule("api_char_filter_items", "filter items and location names have at most 120 characters", "api-data-standards"),
)  # fmt: skip
RULES: dict[str, Rule] = {r.name: r for r in _R}


class _Report:
    """Problem lines, each naming file, row (where there is one) and rule."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._count: Counter[tuple[str, str]] = Counter()

    def add(self, file: str, rule: str, detail: str, row: int | None = None) -> None:
        key = (file, rule)
        self._count[key] += 1
        if self._count[key] <= MAX_LINES:
            where = f"{file} row {row}" if row is not None else file
            self.lines.append(f"{where}: rule {rule} ({RULES[rule].says}): {detail}")

    def close(self) -> list[str]:
        more = [
            f"{file}: rule {rule}: and {n - MAX_LINES} more"
            for (file, rule), n in self._count.items()
            if n > MAX_LINES
        ]
        return self.lines + more


@dataclass
class _Files:
    data_name: str
    meta_name: str
    header: list[str]
    rows: list[dict[str, str]]  # data rows; row i is file row i + 2
    meta: list[dict[str, str]]  # meta rows; row i is file row i + 2

    def col(self, m: dict[str, str], key: str) -> str:
        return (m.get(key) or "").strip()

    def of_type(self, kind: str) -> list[str]:
        return [m["col_name"] for m in self.meta if m.get("col_type") == kind]

    def groups(self) -> list[str]:
        return [g for m in self.meta if (g := self.col(m, "filter_grouping_column"))]

    def first_row(self, column: str, value: str) -> int:
        return next(i for i, r in enumerate(self.rows, 2) if r.get(column) == value)

    def distinct(self, column: str) -> dict[str, int]:
        """value -> first file row holding it."""
        out: dict[str, int] = {}
        for i, r in enumerate(self.rows, 2):
            out.setdefault(r.get(column, ""), i)
        return out


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def check_files(data_path: Path) -> list[str]:
    """Every rule broken by a data file and its .meta.csv, one line each (empty when none)."""
    report = _Report()
    data_path = Path(data_path)
    meta_path = data_path.with_name(data_path.name.removesuffix(".csv") + ".meta.csv")
    _filenames(report, data_path.name, meta_path.name)
    if not meta_path.is_file():
        report.add(data_path.name, "filenames_match", f"no {meta_path.name} beside it")
        return report.close()
    header, rows = _read(data_path)
    meta_header, meta = _read(meta_path)
    files = _Files(data_path.name, meta_path.name, header, rows, meta)
    for stage in _STAGES:
        before = len(report.lines)
        stage(report, files, meta_header)
        if len(report.lines) > before and stage in _BLOCKING:
            break  # as the screener, later rules cannot run on these files
    return report.close()


def _filenames(report: _Report, data_name: str, meta_name: str) -> None:
    for name in (data_name, meta_name):
        if " " in name:
            report.add(name, "filename_spaces", "the file name has a space")
        stem = re.sub(r"\.meta$", "", name.rsplit(".", 1)[0])
        bad = sorted(set(re.sub(r"[A-Za-z0-9_\-\s]", "", stem)))
        if bad:
            report.add(name, "filename_special", f"characters {' '.join(bad)}")


def _precheck_columns(report: _Report, f: _Files, meta_header: list[str]) -> None:
    missing = [c for c in REQUIRED_META if c not in meta_header]
    if missing:
        report.add(f.meta_name, "col_req_meta", f"missing {', '.join(missing)}")
    invalid = [c for c in meta_header if c not in (*REQUIRED_META, *OPTIONAL_META)]
    if invalid:
        report.add(f.meta_name, "col_invalid_meta", f"invalid {', '.join(invalid)}")
    missing = [c for c in REQUIRED_DATA if c not in f.header]
    if missing:
        report.add(f.data_name, "col_req_data", f"missing {', '.join(missing)}")
    if len(f.header) - 5 < len(f.meta):
        report.add(
            f.meta_name,
            "col_to_rows",
            f"{len(f.meta)} metadata rows for {len(f.header) - 5} non-mandatory columns",
        )
    if not f.rows:
        report.add(f.data_name, "col_req_data", "the file has no rows")


def _cross_file(report: _Report, f: _Files, _: list[str]) -> None:
    described = [m["col_name"] for m in f.meta] + f.groups()
    for i, m in enumerate(f.meta, 2):
        # blank names and filter groups have rules of their own (meta_col_name, _fil_grp_match)
        if m["col_name"] and m["col_name"] not in f.header:
            report.add(f.meta_name, "cross_meta_to_data", f"{m['col_name']} is not in the data", i)
    for c in f.header:
        if c not in OB_UNITS and c not in described and len(f.distinct(c)) > 1:
            report.add(f.data_name, "cross_data_to_meta", f"column {c} is not in the metadata")


def _columns(report: _Report, f: _Files, _: list[str]) -> None:
    for c in f.header:
        if re.search(r"\s", c):
            report.add(f.data_name, "col_names_spaces", f"column {c!r}", 1)
        if re.sub(r"[a-z0-9_]", "", c):
            report.add(f.data_name, "col_snake_case", f"column {c!r}", 1)
        if not re.match(r"[a-z]", c):
            report.add(f.data_name, "col_var_start", f"column {c!r}", 1)
        if len(c) > CHAR_LIMITS["column-name"]:
            report.add(f.data_name, "api_char_col_name", f"column {c!r}", 1)
    for i, m in enumerate(f.meta, 2):
        name = m["col_name"].lower()
        if m.get("col_type") == "Indicator" and any(s in name for s in SMUSHED):
            report.add(f.meta_name, "col_ind_smushed", f"indicator {m['col_name']}", i)
        if name in ("characteristic", "characteristic_group"):
            report.add(f.meta_name, "col_var_characteristic", f"column {m['col_name']}", i)
    if "characteristic_group" in f.groups():
        report.add(f.meta_name, "col_var_characteristic", "filter group characteristic_group")


def _precheck_meta(report: _Report, f: _Files, _: list[str]) -> None:
    ob = set(OB_UNITS) - {"school_name", "provider_name"}
    for i, m in enumerate(f.meta, 2):
        if m.get("col_type") not in ("Filter", "Indicator"):
            report.add(f.meta_name, "meta_col_type", f"col_type {m.get('col_type')!r}", i)
        if m["col_name"] in ob or f.col(m, "filter_grouping_column") in ob:
            report.add(f.meta_name, "meta_ob_unit", f"{m['col_name']} is an observational unit", i)
        if not f.col(m, "col_name"):
            report.add(f.meta_name, "meta_col_name", "col_name is blank", i)


def _meta(report: _Report, f: _Files, _: list[str]) -> None:
    labels = Counter(m.get("label", "") for m in f.meta)
    names = Counter(m["col_name"] for m in f.meta)
    for i, m in enumerate(f.meta, 2):
        _meta_row(report, f, m, i, labels[m.get("label", "")] > 1, names[m["col_name"]] > 1)
        filled = {k: f.col(m, k) for k in m}
        if m.get("col_type") == "Indicator":
            _meta_indicator(report, f.meta_name, m["col_name"], filled, i)
        if m.get("col_type") == "Filter":
            _meta_filter(report, f.meta_name, m["col_name"], filled, i)
    _meta_groups(report, f, set(names))


def _meta_row(
    report: _Report, f: _Files, m: dict[str, str], i: int, dupe_label: bool, dupe_name: bool
) -> None:
    name, col = f.meta_name, m["col_name"]
    if dupe_label:
        report.add(name, "meta_dupe_label", f"label {m.get('label')!r} is used again", i)
    if dupe_name:
        report.add(name, "meta_col_name_dupe", f"col_name {col} is used again", i)
    if re.search(r"\s", col):
        report.add(name, "meta_col_name_spaces", f"col_name {col!r}", i)
    if not (m.get("label") or "").strip():
        report.add(name, "meta_label", f"{col} has no label", i)
    elif len(m["label"]) > CHAR_LIMITS["column-label"]:
        report.add(name, "api_char_col_label", f"label of {col}", i)
    for term, allowed in HARMONISED.items():
        if term in col.lower() and col not in allowed:
            report.add(name, "harmonised_variables", f"{col}: use {', '.join(allowed)}", i)
    dp = f.col(m, "indicator_dp")
    if dp and not re.fullmatch(r"\d+(\.0+)?", dp):
        report.add(name, "meta_ind_dp_values", f"indicator_dp {dp!r} of {col}", i)


def _meta_indicator(report: _Report, name: str, col: str, filled: dict[str, str], i: int) -> None:
    if filled.get("filter_grouping_column"):
        report.add(name, "meta_fil_grp", f"indicator {col}", i)
    if filled.get("filter_hint"):
        report.add(name, "meta_filter_hint", f"indicator {col}", i)
    if not filled.get("indicator_dp"):
        report.add(name, "meta_ind_dp_set", f"indicator {col} has no indicator_dp", i)
    unit = filled.get("indicator_unit", "")
    if unit and unit not in INDICATOR_UNITS:
        report.add(name, "meta_ind_unit_validation", f"unit {unit!r} of {col}", i)


def _meta_filter(report: _Report, name: str, col: str, filled: dict[str, str], i: int) -> None:
    for key, rule in (
        ("indicator_dp", "meta_indicator_dp"),
        ("indicator_unit", "meta_ind_unit"),
        ("indicator_grouping", "meta_indicator_grouping"),
    ):
        if filled.get(key):
            report.add(name, rule, f"filter {col} has {key} {filled[key]!r}", i)


def _meta_groups(report: _Report, f: _Files, names: set[str]) -> None:
    name, groups = f.meta_name, f.groups()
    for g, n in Counter(groups).items():
        if n > 1:
            report.add(name, "meta_fil_grp_dupe", f"filter group {g} is used {n} times")
    for g in groups:
        if g not in names:
            report.add(name, "meta_fil_grp_is_fil", f"filter group {g} has no row of its own")
        if g not in f.header:
            report.add(name, "meta_fil_grp_match", f"filter group {g} is not in the data")
        else:
            items = list(f.distinct(g))
            if len({re.sub(r"[^A-Za-z0-9]", "", v) for v in items}) != len(items):
                report.add(name, "meta_fil_grp_stripped", f"items of {g} differ only in symbols")
    for c in [*f.of_type("Filter"), *groups]:
        if POTENTIAL_OB_UNIT.search(c):
            report.add(name, "meta_geog_catch", f"filter {c} looks like a geography column")


def _time_group(identifier: str) -> tuple[str, ...]:
    return next((g for g in TIME_GROUPS if identifier in g), ())


def _time(report: _Report, f: _Files, _: list[str]) -> None:
    name = f.data_name
    base = f.rows[0].get("time_identifier", "") if f.rows else ""
    group = _time_group(base)
    for i, r in enumerate(f.rows, 2):
        period, ident = r.get("time_period", ""), r.get("time_identifier", "")
        if not re.fullmatch(r"\d{4}(\d{2})?", period):
            report.add(name, "time_period_num", f"time_period {period!r}", i)
        if not _time_group(ident):
            report.add(name, "time_id_valid", f"time_identifier {ident!r}", i)
        elif ident not in group:
            report.add(name, "time_id_mix", f"{ident!r} with {base!r} in one file", i)
        if base in FOUR_DIGIT and len(period) != 4:
            report.add(name, "time_period", f"{period!r} is not 4 digits for {base!r}", i)
        if base in SIX_DIGIT and len(period) != 6:
            report.add(name, "time_period", f"{period!r} is not 6 digits for {base!r}", i)
        if len(period) == 6 and period.isdigit():
            a, b = int(period[2:4]), int(period[4:6])
            if (a + 1) % 100 != b:
                report.add(name, "time_period_six", f"{period} is not two consecutive years", i)


def _filters(report: _Report, f: _Files, _: list[str]) -> None:
    for i, m in enumerate(f.meta, 2):
        if m.get("col_type") == "Filter" and m["col_name"] in f.header:
            _filter_items(report, f, m, i)
    names = {m["col_name"] for m in f.meta}
    for g in f.groups():
        if g not in names and g in f.header and "Total" not in f.distinct(g):
            report.add(f.meta_name, "filter_defaults", f"filter group {g} has no 'Total'")
    _filter_values(report, f)


def _filter_items(report: _Report, f: _Files, m: dict[str, str], i: int) -> None:
    col = m["col_name"]
    items = f.distinct(col)
    if len(items) < 2:
        report.add(f.meta_name, "filter_not_singular", f"{col} has one item", i)
    default = f.col(m, "filter_default") or "Total"
    if default not in items:
        report.add(f.meta_name, "filter_defaults", f"{col} has no item {default!r}", i)
    if len(items) > FILTER_ITEM_LIMIT:
        report.add(f.meta_name, "filter_item_limit", f"{col} has {len(items)} items", i)
    group = f.col(m, "filter_grouping_column")
    if group in f.header and len(f.distinct(group)) > len(items):
        report.add(f.meta_name, "filter_group_level", f"group {group} outnumbers {col}", i)


def _filter_values(report: _Report, f: _Files) -> None:
    name, filters = f.data_name, f.of_type("Filter")
    names = [c for c in (*filters, *(cols[1] for cols in LEVELS.values())) if c in f.header]
    for col in dict.fromkeys(names):
        for value, row in f.distinct(col).items():
            if value != value.strip():
                report.add(name, "filter_whitespace", f"{col} {value!r}", row)
            if len(value) > CHAR_LIMITS["column-item"]:
                report.add(name, "api_char_filter_items", f"{col} {value[:40]!r}...", row)
    _ob_totals(report, f)
    for col in [*filters, *f.groups()]:
        if col in f.header and "" in (items := f.distinct(col)):
            report.add(name, "filter_blanks", f"{col} is blank", items[""])


def _ob_totals(report: _Report, f: _Files) -> None:
    ob = [c for c in f.header if c in OB_UNITS or POTENTIAL_OB_UNIT.search(c)]
    if len(f.of_type("Filter")) == 1:
        ob = [c for c in ob if c not in ("school_name", "provider_name")]
    for col in ob:
        for value, row in f.distinct(col).items():
            if value in TOTALS:
                detail = f"{col} is {value!r}: leave it blank"
                report.add(f.data_name, "filter_ob_total", detail, row)


def _geography(report: _Report, f: _Files, _: list[str]) -> None:
    levels = f.distinct("geographic_level")
    for level, row in levels.items():
        if level not in LEVELS:
            report.add(f.data_name, "geog_level", f"geographic_level {level!r}", row)
    if set(levels) - set(LEVELS):
        return
    _geog_columns(report, f, set(levels))
    _combos(report, f)
    for i, r in enumerate(f.rows, 2):
        _geog_row(report, f, r, i)
    for col in GEOGRAPHY_FIELDS:
        if col.endswith(("_code", "_id", "_urn", "_ukprn", "_laestab")) and col in f.header:
            for value, row in f.distinct(col).items():
                if len(value) > CHAR_LIMITS["location-code"]:
                    report.add(f.data_name, "api_char_loc_code", f"{col} {value!r}", row)


def _geog_columns(report: _Report, f: _Files, levels: set[str]) -> None:
    for level in levels - {"Planning area"}:
        missing = [c for c in LEVELS[level] if c and c not in f.header]
        if missing and levels != {"National"}:
            report.add(f.data_name, "geog_level_present", f"{level} needs {', '.join(missing)}")
    for rule, cols in (
        ("geog_region_col_present", ("region_code", "region_name")),
        ("geog_la_col_present", ("new_la_code", "la_name", "old_la_code")),
    ):
        absent = [c for c in cols if c not in f.header]
        if absent and len(absent) < len(cols):
            report.add(f.data_name, rule, f"{', '.join(absent)} missing")


def _geog_row(report: _Report, f: _Files, r: dict[str, str], i: int) -> None:
    level = r.get("geographic_level", "")
    for col in LEVELS[level]:
        if col and col != "new_la_code" and col in f.header and not r.get(col):
            report.add(f.data_name, "geog_level_completed", f"{col} empty at {level} level", i)
    for other, compatible in COMPATIBLE.items():
        if level not in compatible:
            for col in (c for c in LEVELS[other] if c and r.get(c)):
                report.add(f.data_name, "geog_overcompleted_cols", f"{col} at {level} level", i)
    if level == "Local authority" and not (r.get("region_code") and r.get("region_name")):
        report.add(f.data_name, "geog_region_for_la", "region_code or region_name empty", i)


def _combos(report: _Report, f: _Files) -> None:
    """Code/name combinations against EES's geography lookups (model.ees_geography)."""
    checks: tuple[tuple[str, tuple[str, ...], str], ...] = (
        ("geog_country_combos", ("country_code", "country_name"), "National"),
        ("geog_region_combos", ("region_code", "region_name"), "Regional"),
        ("geog_la_combos", ("old_la_code", "new_la_code", "la_name"), "Local authority"),
    )
    for rule, cols, level in checks:
        if not all(c in f.header for c in cols):
            continue
        valid = acceptable(level)
        code = cols[-2]
        seen: set[tuple[str, ...]] = set()
        for i, r in enumerate(f.rows, 2):
            combo = tuple(r.get(c, "") for c in cols)
            if not r.get(code) or r.get(code) == "x" or combo in seen:
                continue
            seen.add(combo)
            if combo not in valid:
                shown = " / ".join(f"{c}={v!r}" for c, v in zip(cols, combo, strict=True))
                report.add(f.data_name, rule, f"{shown} is not in the EES lookup", i)


def _general(report: _Report, f: _Files, _: list[str]) -> None:
    keys = [c for c in (*OB_UNITS, *f.of_type("Filter"), *f.groups()) if c in f.header]
    first: dict[tuple[str, ...], int] = {}
    for i, r in enumerate(f.rows, 2):
        if r.get("geographic_level") in ("School", "Provider", "Institution", "Planning area"):
            continue
        key = tuple(r.get(c, "") for c in keys)
        if key in first:
            detail = f"same time, geography and filters as row {first[key]}"
            report.add(f.data_name, "general_dupes", detail, i)
        first.setdefault(key, i)
    for name, rows in ((f.data_name, f.rows), (f.meta_name, f.meta)):
        for i, r in enumerate(rows, 2):
            for col, value in r.items():
                if value in NULL_SYMBOLS:
                    report.add(name, "general_null", f"{col} is {value!r}", i)
                elif value in LEGACY_NO_DATA and name == f.data_name:
                    report.add(name, "general_null", f"{col} is the legacy symbol {value!r}", i)


def _indicators(report: _Report, f: _Files, _: list[str]) -> None:
    indicators = [c for c in f.of_type("Indicator") if c in f.header]
    for i, r in enumerate(f.rows, 2):
        for col in indicators:
            v = r.get(col) or ""
            if v == "" or v in LEGACY_SYMBOLS:
                report.add(f.data_name, "ind_invalid_entry", f"{col} is {v!r}", i)
            elif v not in SYMBOLS and not re.fullmatch(r"-?\d+(\.\d+)?", v):
                report.add(f.data_name, "ind_value", f"{col} is {v!r}", i)


_Stage = Callable[[_Report, _Files, list[str]], None]
_STAGES: tuple[_Stage, ...] = (
    _precheck_columns,
    _cross_file,
    _columns,
    _precheck_meta,
    _meta,
    _time,
    _filters,
    _geography,
    _general,
    _indicators,
)
#: Stages after which the screener stops when a rule failed (its prechecks).
_BLOCKING: tuple[_Stage, ...] = (_precheck_columns, _cross_file, _precheck_meta)


def rules_text() -> Iterable[str]:
    """One line per rule (for the methodology and data guidance)."""
    for r in _R:
        yield f"`{r.name}`: {r.says} ({GUIDE}#{r.anchor})"
