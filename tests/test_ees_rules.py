"""The EES screener's rules (core/ees_rules.py): a small valid file passes, and for every rule
a file that breaks it fails with a line naming the file, the row where there is one, and the
rule."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from inspection_outcomes.core import ees_rules
from inspection_outcomes.core.ees_rules import RULES, check_files

GEO = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
)
META_HEADER = [*ees_rules.REQUIRED_META, "filter_default"]
PLACES = (
    ("National", "", "", "", "", ""),
    ("Regional", "E12000001", "North East", "", "", ""),
    ("Local authority", "E12000001", "North East", "840", "E06000047", "County Durham"),
)


class Files:
    """A valid data file and its metadata, as lists a case can break."""

    def __init__(self) -> None:
        self.name = "homes_by_sector"
        self.header = [*GEO, "sector", "provision_type", "number_of_homes", "percent_of_homes"]
        self.rows: list[dict[str, str]] = []
        for level, rc, rn, old, new, la in PLACES:
            for sector in ("Total", "Private"):
                for provision in ("Total", "Secure"):
                    self.rows.append(
                        dict(
                            zip(
                                self.header,
                                [
                                    "2024",
                                    "Reporting year",
                                    level,
                                    "E92000001",
                                    "England",
                                    rc,
                                    rn,
                                    old,
                                    new,
                                    la,
                                    sector,
                                    provision,
                                    str(len(self.rows) + 3),
                                    "50",
                                ],
                                strict=True,
                            )
                        )
                    )
        self.meta_header = list(META_HEADER)
        blank = dict.fromkeys(META_HEADER, "")
        self.meta = [
            {**blank, "col_name": "sector", "col_type": "Filter", "label": "Sector"},
            {**blank, "col_name": "provision_type", "col_type": "Filter", "label": "Provision"},
            {
                **blank,
                "col_name": "number_of_homes",
                "col_type": "Indicator",
                "label": "Number of homes",
                "indicator_dp": "0",
            },
            {
                **blank,
                "col_name": "percent_of_homes",
                "col_type": "Indicator",
                "label": "Percentage of homes",
                "indicator_unit": "%",
                "indicator_dp": "0",
            },
        ]
        self.write_meta = True

    def rename(self, old: str, new: str) -> None:
        self.header = [new if c == old else c for c in self.header]
        self.rows = [{(new if k == old else k): v for k, v in r.items()} for r in self.rows]
        for m in self.meta:
            if m["col_name"] == old:
                m["col_name"] = new

    def add_column(self, name: str, values: Callable[[int], str]) -> None:
        self.header.append(name)
        for i, r in enumerate(self.rows):
            r[name] = values(i)

    def drop_column(self, name: str) -> None:
        self.header.remove(name)
        for r in self.rows:
            del r[name]

    def meta_row(self, col: str) -> dict[str, str]:
        return next(m for m in self.meta if m["col_name"] == col)

    def write(self, folder: Path) -> Path:
        data = folder / f"{self.name}.csv"
        with data.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, self.header, extrasaction="ignore")
            w.writeheader()
            w.writerows(self.rows)
        if self.write_meta:
            with (folder / f"{self.name}.meta.csv").open("w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, self.meta_header, extrasaction="ignore")
                w.writeheader()
                w.writerows(self.meta)
        return data


def _set(f: Files, row: int, col: str, value: str) -> None:
    """Set a cell of file row `row` (the header is row 1)."""
    f.rows[row - 2][col] = value


def _group(f: Files, values: Callable[[dict[str, str]], str], col: str = "sector") -> None:
    f.add_column("sector_group", lambda i: values(f.rows[i]))
    f.meta_row(col)["filter_grouping_column"] = "sector_group"


def _extra_meta(f: Files, col: str, kind: str = "Indicator", **kw: str) -> None:
    f.meta.append(
        {**dict.fromkeys(META_HEADER, ""), "col_name": col, "col_type": kind, "label": col, **kw}
    )


def _set_all(f: Files, col: str, value: str) -> None:
    for r in f.rows:
        r[col] = value


CASES: dict[str, Callable[[Files], None]] = {
    "filename_spaces": lambda f: setattr(f, "name", "homes by sector"),
    "filename_special": lambda f: setattr(f, "name", "homes&sector"),
    "filenames_match": lambda f: setattr(f, "write_meta", False),
    "col_req_meta": lambda f: f.meta_header.remove("filter_hint"),
    "col_invalid_meta": lambda f: f.meta_header.append("notes"),
    "col_req_data": lambda f: f.drop_column("country_name"),
    "col_to_rows": lambda f: [_extra_meta(f, f"missing_{n}", indicator_dp="0") for n in range(9)],
    "cross_meta_to_data": lambda f: _extra_meta(f, "missing", indicator_dp="0"),
    "cross_data_to_meta": lambda f: f.add_column("extra", str),
    "col_names_spaces": lambda f: f.add_column("bad name", lambda i: "a"),
    "col_snake_case": lambda f: f.add_column("BadName", lambda i: "a"),
    "col_var_start": lambda f: f.add_column("_col", lambda i: "a"),
    "col_ind_smushed": lambda f: f.rename("number_of_homes", "number_of_female_homes"),
    "col_var_characteristic": lambda f: f.rename("sector", "characteristic"),
    "meta_col_type": lambda f: f.meta_row("sector").update(col_type="Measure"),
    "meta_ob_unit": lambda f: _extra_meta(f, "la_name", "Filter"),
    "meta_col_name": lambda f: _extra_meta(f, "", indicator_dp="0"),
    "meta_dupe_label": lambda f: f.meta_row("sector").update(label="Provision"),
    "meta_fil_grp": lambda f: f.meta_row("number_of_homes").update(filter_grouping_column="sector"),
    "meta_fil_grp_dupe": lambda f: (
        _group(f, lambda r: "Total" if r["sector"] == "Total" else "Some"),
        f.meta_row("provision_type").update(filter_grouping_column="sector_group"),
    ),
    "meta_fil_grp_is_fil": lambda f: _group(
        f, lambda r: "Total" if r["sector"] == "Total" else "Some"
    ),
    "meta_fil_grp_match": lambda f: f.meta_row("sector").update(filter_grouping_column="nowhere"),
    "meta_fil_grp_stripped": lambda f: (
        _group(
            f, lambda r: "Total" if r["sector"] == "Total" else "A-B" if r["time_period"] else "AB"
        )
        or _set(f, 3, "sector_group", "AB")
    ),
    "meta_label": lambda f: f.meta_row("sector").update(label=""),
    "meta_filter_hint": lambda f: f.meta_row("number_of_homes").update(filter_hint="a hint"),
    "meta_geog_catch": lambda f: f.rename("provision_type", "provider_number"),
    "meta_indicator_dp": lambda f: f.meta_row("sector").update(indicator_dp="0"),
    "meta_col_name_spaces": lambda f: f.rename("sector", "sec tor"),
    "meta_col_name_dupe": lambda f: _extra_meta(f, "number_of_homes", indicator_dp="0"),
    "meta_ind_dp_set": lambda f: f.meta_row("number_of_homes").update(indicator_dp=""),
    "meta_ind_dp_values": lambda f: f.meta_row("number_of_homes").update(indicator_dp="-1"),
    "meta_ind_unit": lambda f: f.meta_row("sector").update(indicator_unit="%"),
    "meta_ind_unit_validation": lambda f: f.meta_row("percent_of_homes").update(
        indicator_unit="percent"
    ),
    "meta_indicator_grouping": lambda f: f.meta_row("sector").update(indicator_grouping="g"),
    "time_period_num": lambda f: _set(f, 3, "time_period", "2023-24"),
    "time_id_valid": lambda f: _set(f, 3, "time_identifier", "Fiscal year"),
    "time_id_mix": lambda f: _set(f, 3, "time_identifier", "Financial year"),
    "time_period": lambda f: _set(f, 3, "time_period", "202324"),
    "time_period_six": lambda f: (
        _set_all(f, "time_identifier", "Financial year"),
        _set_all(f, "time_period", "202324"),
        _set(f, 3, "time_period", "202325"),
    ),
    "filter_not_singular": lambda f: _set_all(f, "provision_type", "Total"),
    "filter_defaults": lambda f: [
        r.update(sector="All sectors") for r in f.rows if r["sector"] == "Total"
    ],
    "filter_group_level": lambda f: _group(f, lambda r: str(id(r))),
    "filter_item_limit": lambda f: setattr(ees_rules, "FILTER_ITEM_LIMIT", 1),
    "filter_whitespace": lambda f: _set(f, 3, "sector", " Private"),
    "filter_ob_total": lambda f: _set(f, 6, "region_name", "All"),
    "filter_blanks": lambda f: _set(f, 3, "sector", ""),
    "geog_level": lambda f: _set(f, 3, "geographic_level", "County"),
    "geog_level_present": lambda f: [
        f.drop_column(c) for c in ("old_la_code", "new_la_code", "la_name")
    ],
    "geog_country_combos": lambda f: _set(f, 3, "country_name", "England and Wales"),
    "geog_region_combos": lambda f: (
        _set(f, 6, "region_code", "E12000001;E12000003"),
        _set(f, 6, "region_name", "North East, Yorkshire and the Humber"),
    ),
    "geog_la_combos": lambda f: _set(f, 10, "la_name", "Durham"),
    "geog_level_completed": lambda f: _set(f, 10, "old_la_code", ""),
    "geog_overcompleted_cols": lambda f: (
        _set(f, 2, "region_code", "E12000001"),
        _set(f, 2, "region_name", "North East"),
    ),
    "geog_region_col_present": lambda f: f.drop_column("region_name"),
    "geog_la_col_present": lambda f: f.drop_column("old_la_code"),
    "geog_region_for_la": lambda f: (
        _set(f, 10, "region_code", ""),
        _set(f, 10, "region_name", ""),
    ),
    "general_dupes": lambda f: f.rows.append(dict(f.rows[0])),
    "general_null": lambda f: _set(f, 3, "number_of_homes", "NA"),
    "ind_invalid_entry": lambda f: _set(f, 3, "number_of_homes", ""),
    "ind_value": lambda f: _set(f, 3, "number_of_homes", "seven"),
    "harmonised_variables": lambda f: f.rename("provision_type", "ethnicity"),
    "api_char_col_name": lambda f: f.rename("number_of_homes", "number_of_homes" + "_n" * 20),
    "api_char_col_label": lambda f: f.meta_row("sector").update(label="Sector " * 15),
    "api_char_loc_code": lambda f: _set(f, 6, "region_code", "E" * 31),
    "api_char_filter_items": lambda f: _set(f, 3, "sector", "Private " * 16),
}

#: Cases whose line names a row of the data file.
DATA_ROW = {
    "time_period_num": 3,
    "time_id_valid": 3,
    "time_period": 3,
    "filter_whitespace": 3,
    "filter_blanks": 3,
    "geog_la_combos": 10,
    "geog_region_combos": 6,
    "geog_level_completed": 10,
    "geog_region_for_la": 10,
    "general_dupes": 14,
    "ind_value": 3,
    "ind_invalid_entry": 3,
}


def test_the_valid_file_passes(tmp_path: Path) -> None:
    assert check_files(Files().write(tmp_path)) == []


def test_every_rule_has_a_case() -> None:
    assert set(CASES) == set(RULES)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_a_file_that_breaks_a_rule_fails_naming_file_row_and_rule(
    rule: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ees_rules, "FILTER_ITEM_LIMIT", ees_rules.FILTER_ITEM_LIMIT)
    f = Files()
    CASES[rule](f)
    problems = check_files(f.write(tmp_path))
    mine = [p for p in problems if f": rule {rule} (" in p]
    assert mine, problems
    assert all(p.startswith(f.name) for p in mine)
    assert RULES[rule].says in mine[0]
    if rule in DATA_ROW:
        assert any(p.startswith(f"{f.name}.csv row {DATA_ROW[rule]}: ") for p in mine), mine


def test_each_rule_cites_the_standard() -> None:
    lines = list(ees_rules.rules_text())
    assert len(lines) == len(RULES)
    assert all(ees_rules.GUIDE + "#" in line for line in lines)


def test_many_broken_rows_are_counted_not_listed(tmp_path: Path) -> None:
    f = Files()
    _set_all(f, "number_of_homes", "seven")
    problems = check_files(f.write(tmp_path))
    assert len([p for p in problems if "rule ind_value (" in p]) == ees_rules.MAX_LINES
    assert f"{f.name}.csv: rule ind_value: and {len(f.rows) - ees_rules.MAX_LINES} more" in problems
