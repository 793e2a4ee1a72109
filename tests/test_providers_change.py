"""The providers release beside the previous year, and the judgements behind its headline, on
the real files: the 2025 ODS with the 2024 CSV as the previous year. Expected values are
counted here from the sheets themselves (python-calamine), not through the project's reader.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from inspection_outcomes.errors import InputError
from inspection_outcomes.publications.providers.figures import build_figures
from inspection_outcomes.sources.ofsted_providers import read_provider_source
from tests.providers_support import CSV_2024, ODS_2025, data_file, source

AS_AT_2025, AS_AT_2024 = date(2025, 3, 31), date(2024, 3, 31)
GOOD = ("Outstanding", "Good")


def _sheet(name: str) -> tuple[list[str], list[list[Any]]]:
    """A sheet of the 2025 ODS: its header (stripped) and its rows below."""
    rows = CalamineWorkbook.from_path(str(data_file(ODS_2025))).get_sheet_by_name(name).to_python()
    return [str(h).strip() for h in rows[3]], rows[4:]


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    return build_figures(source(ODS_2025), AS_AT_2025, previous=source(CSV_2024))


def _urn(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) else str(value).strip()


def _percent(good: int, n: int) -> int:
    return (200 * good + n) // (2 * n)


def test_the_change_since_the_previous_year_is_each_years_own_share(
    figures: dict[str, Any],
) -> None:
    """85% of children's homes good or outstanding as at 31 March 2025, up from 83% a year
    earlier: each year counted from its own file."""
    earlier = figures["previous_year"]
    assert earlier["as_at"] == "2024-03-31"
    alone = build_figures(source(CSV_2024), AS_AT_2024)
    assert (
        earlier["latest_overall_effectiveness"]["groups"]
        == alone["latest_overall_effectiveness"]["groups"]
    )
    homes = earlier["latest_overall_effectiveness"]["groups"]["all_childrens_homes"]
    now = figures["latest_overall_effectiveness"]["groups"]["all_childrens_homes"]
    then_pct = _percent(homes["outstanding"] + homes["good"], sum(homes.values()))
    now_pct = _percent(now["outstanding"] + now["good"], sum(now.values()))
    assert (then_pct, now_pct) == (83, 85)
    assert figures["sources"]["previous"] == CSV_2024


def test_a_list_of_inspected_providers_is_not_compared_as_a_register(
    figures: dict[str, Any],
) -> None:
    """The 2024 CSV lists no provider without an inspection: its 3,876 are not the register,
    so neither a change in registered homes nor joiners and leavers are drawn from it."""
    src = source(CSV_2024)
    assert all(r.latest_inspection_date is not None for r in src.providers or [])
    assert not src.register_complete and source(ODS_2025).register_complete
    earlier = figures["previous_year"]
    assert earlier["register_complete"] is False
    assert set(earlier["providers_and_places"]["providers"].values()) == {None}
    no_table = dataclasses.replace(source(ODS_2025), joiners_leavers=None)
    f = build_figures(no_table, AS_AT_2025, previous=src)
    assert f["joiners_and_leavers"]["joiners"]["all_providers"] is None
    assert "inspected providers only" in f["joiners_and_leavers"]["absent_because"]


def test_joiners_and_leavers_from_two_registers(tmp_path: Path) -> None:
    """Without a table of joiners and leavers, two complete registers give them. The register
    as at 31 March 2024 is rebuilt from Ofsted's own: the 2025 register less its joiners, with
    its leavers. The counts are then what the two sets of URNs say."""
    header, rows = _sheet("Providers+places_at_31_Mar_2025")
    jl_header, jl_rows = _sheet("Leavers+Joiners_at_31_Mar_2025")
    col, jl_col = header.index, jl_header.index
    urn = lambda r, c: _urn(r[c("URN")])  # noqa: E731
    joined = {urn(r, jl_col) for r in jl_rows if r[jl_col("Joiner status")] == "Joiner"}
    left = [r for r in jl_rows if r[jl_col("Leaver status")] == "Leaver"]
    keep = ("URN", "Provision type", "Registration status", "Ofsted Region", "Local authority")
    earlier = [[r[col(c)] for c in keep] + [r[col("Sector")], r[col("Places")]] for r in rows]
    earlier = [r for r in earlier if _urn(r[0]) not in joined]
    jl_keep = ("URN", "Provision type", "Ofsted Region", "Local authority", "Sector", "Places")
    for r in left:
        urn_, kind, region, la, sector, places = (r[jl_col(c)] for c in jl_keep)
        earlier.append([urn_, kind, "Active", region, la, sector, places])
    path = tmp_path / "register_2024.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Providers and places at 31 March 2024"])
        w.writerow([])
        w.writerow([])
        w.writerow([*keep, "Sector", "Places"])
        w.writerows([int(v) if isinstance(v, float) else v for v in r] for r in earlier)
    previous = read_provider_source(path)
    assert previous.register_complete and previous.register_as_at == AS_AT_2024

    no_table = dataclasses.replace(source(ODS_2025), joiners_leavers=None)
    f = build_figures(no_table, AS_AT_2025, previous=previous)
    jl = f["joiners_and_leavers"]
    now = {urn(r, col) for r in rows}
    then = {_urn(r[0]) for r in earlier}
    assert jl["method"] == "registers"
    assert (jl["start"], jl["end"]) == ("2024-04-01", "2025-03-31")
    assert jl["joiners"]["all_providers"] == len(now - then)
    assert jl["leavers"]["all_providers"] == len(then - now)
    homes = {
        urn(r, col)
        for r in rows
        if str(r[col("Provision type")]).lower() == "children's home" and urn(r, col) in joined
    }
    assert jl["joiners"]["childrens_homes"] == len(homes)
    # Ofsted's own table follows status changes through the year: it is used where given
    table = build_figures(source(ODS_2025), AS_AT_2025, previous=previous)["joiners_and_leavers"]
    assert table["method"] == "table" and table["joiners"]["all_providers"] == len(joined)


def test_the_judgements_behind_the_headline_are_counted_from_the_sheet(
    figures: dict[str, Any],
) -> None:
    header, rows = _sheet("Provider_level_at_31_Mar_2025")
    col = header.index
    homes = [r for r in rows if str(r[col("Provision type")]).lower() == "children's home"]
    subs = figures["latest_sub_judgements"]["groups"]["childrens_homes"]
    for key, name in (
        ("overall", "Overall experiences and progress of children and young people"),
        ("help_and_protection", "How well children and young people are helped and protected"),
        ("leaders_and_managers", "The effectiveness of leaders and managers"),
    ):
        grades = Counter(r[col(name)] for r in homes if r[col(name)])
        assert sum(subs[key].values()) == sum(grades.values()), key
        assert subs[key]["inadequate"] == grades["Inadequate"], key
        assert subs[key]["outstanding"] == grades["Outstanding"], key
    assert subs["overall"] == figures["latest_overall_effectiveness"]["groups"]["childrens_homes"]


def test_home_types_and_premises_are_the_registers(figures: dict[str, Any]) -> None:
    """Short-break-only and multi-building homes from the register's columns; supported
    accommodation's premises agree with the separate sheet that lists each premises."""
    header, rows = _sheet("Providers+places_at_31_Mar_2025")
    col = header.index
    details = figures["register_details"]
    short = [r for r in rows if r[col("Short-break-only children's home")]]
    multi = [r for r in rows if r[col("Multi building children's home")]]
    assert details["short_break_only"]["providers"]["all_providers"] == len(short) == 125
    assert details["multi_building"]["providers"]["all_providers"] == len(multi)
    assert details["multi_building"]["places"]["all_providers"] == sum(
        int(r[col("Places")] or 0) for r in multi
    )
    _, premises = _sheet("SA_Premises_at_31_Mar_2025")
    assert details["premises"]["supported_accommodation"] == len(premises)


def test_the_2024_csv_has_no_premises_but_has_home_types() -> None:
    f = build_figures(source(CSV_2024), AS_AT_2024)
    assert f["register_details"]["short_break_only"]["providers"]["all_providers"] == 119
    assert f["providers_and_places"]["providers"]["supported_accommodation"] == 0
    assert f["register_details"]["premises"]["supported_accommodation"] == 0
    assert f["previous_year"] is None


def test_a_previous_source_that_is_not_earlier_is_refused() -> None:
    with pytest.raises(InputError, match="which is not before the release's 31 March 2024"):
        build_figures(source(CSV_2024), AS_AT_2024, previous=source(ODS_2025))


def test_the_release_says_the_change_in_words_tables_and_workbook(
    releases: dict[str, Path],
) -> None:
    out = releases["providers-2025"]
    page = (out / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert (
        "85% of the 3,629 children’s homes with a full inspection were judged good or "
        "outstanding at their latest full inspection, up from 83% as at 31 March 2024 "
        "(2 percentage points)"
    ) in text
    assert "children’s homes were registered, up from" not in text
    assert 'id="table-change_over_time"' in page and 'id="table-sub_judgements"' in page
    assert "monitoring inspections and" in text and "assurance visits" in text
    book = CalamineWorkbook.from_path(str(out / "underlying-data.ods"))
    assert {"Sub_judgements", "Change_over_time"} <= set(book.sheet_names)
    rows = book.get_sheet_by_name("Change_over_time").to_python()
    homes = next(r for r in rows if r[0] == "All children's homes")
    assert homes[1:] == [3219, 83, 3629, 85, 2]


def test_the_methodology_states_cut_off_frameworks_and_change(
    releases: dict[str, Path], figures: dict[str, Any]
) -> None:
    """The cut-off is the latest publication date the data hold (counted from the sheet),
    the frameworks come with their dates, and the previous year's file is a source."""
    header, rows = _sheet("Provider_level_at_31_Mar_2025")
    col = header.index("Latest full inspection publication date")
    latest = max(r[col] for r in rows if r[col]).date()
    assert figures["published_by"]["latest"] == latest.isoformat() == "2025-04-30"
    page = (releases["providers-2025"] / "methodology.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "reports were published by 30 April 2025" in text
    assert "Social care common inspection framework (SCCIF)" in text
    assert "from 1 April 2017" in text and "from 1 April 2024" in text
    assert "not judged" in text and "Strengths and limitations" in text
    assert f"{CSV_2024} : providers and their latest full inspection as at 31 March 2024" in text
    assert "difference of the two rounded percentages" in text
    without = (releases["providers-2024"] / "methodology.html").read_text(encoding="utf-8")
    assert "gives no change over time" in without


def test_the_map_of_childrens_homes_counts_the_registers_homes(
    releases: dict[str, Path],
) -> None:
    """One map module, two publications: the providers release maps its children's homes by
    LA area; its table holds every English LA, and its counts are the register's rows."""
    header, rows = _sheet("Providers+places_at_31_Mar_2025")
    col = header.index
    kinds = {"children's home", "secure children's home"}
    homes = [
        r
        for r in rows
        if str(r[col("Provision type")]).lower() in kinds
        or str(r[col("Provision type")]).lower().startswith("residential special school (")
    ]
    england = [r for r in homes if r[col("Ofsted Region")] != "Wales"]
    out = releases["providers-2025"]
    page = (out / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<table[^>]*id="data-map_childrens_homes".*?</table>', page, re.S)
    assert table, "the map's data table"
    cells = re.findall(r"<tr.*?</tr>", table[0], re.S)[1:]
    counts = [int(re.findall(r">([\d,]+)<", c)[0].replace(",", "")) for c in cells]
    assert len(cells) == 153
    assert sum(counts) == len(england)
    svg = (out / "charts" / "map_childrens_homes.svg").read_bytes()
    assert len(svg) < 400_000
    legend = [int(n) for n in re.findall(r"homes \((\d+)\)</text>", svg.decode())]
    assert sum(legend) == 153  # every area once: 50 or more ... no homes
    assert "Lancashire: " in svg.decode() and "children&#39;s homes</title>" in svg.decode()


def test_joiners_and_leavers_are_a_chart_and_its_table(
    releases: dict[str, Path], figures: dict[str, Any]
) -> None:
    out = releases["providers-2025"]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert (out / "charts" / "figure_6.svg").is_file()
    table = re.search(r'<table[^>]*id="data-figure_6".*?</table>', page, re.S)
    assert table
    homes = re.search(r"All children&#39;s homes</th>(.*?)</tr>", table[0], re.S)
    assert homes
    numbers = [int(n.replace(",", "")) for n in re.findall(r">([\d,]+)<", homes[1])]
    jl = figures["joiners_and_leavers"]
    assert numbers[:2] == [
        jl["joiners"]["all_childrens_homes"],
        jl["leavers"]["all_childrens_homes"],
    ]
    assert not (releases["providers-2024"] / "charts" / "figure_6.svg").exists()


def test_change_since_the_previous_inspection_from_the_2024_csvs_columns(
    releases: dict[str, Path],
) -> None:
    """The 2024 CSV gives each provider's previous full inspection: counted here from its
    own columns, improved, kept or declined agree with the figures, page and sheet."""
    raw = data_file(CSV_2024).read_bytes().decode("mac_roman")
    rows = list(csv.reader(raw.splitlines()))
    header = [h.strip() for h in rows[3]]
    col = header.index
    order = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"]
    latest_col = col("Overall experiences and progress of children and young people")
    before_col = col("Previous overall experiences and progress of children and young people")
    found = Counter()
    for r in rows[4:]:
        kind = r[col("Provision type")].strip().lower()
        if kind not in ("children's home", "secure children's home") and not kind.startswith(
            "residential special school ("
        ):
            continue
        now, then = r[latest_col].strip(), r[before_col].strip()
        if now in order and then in order:
            d = order.index(then) - order.index(now)
            found["improved" if d > 0 else "same" if d == 0 else "declined"] += 1
    f = build_figures(source(CSV_2024), AS_AT_2024)
    assert f["change_since_previous_inspection"]["groups"]["all_childrens_homes"] == dict(found)
    text = re.sub(r"<[^>]+>", " ", (releases["providers-2024"] / "index.html").read_text())
    assert (
        f"Of the {sum(found.values()):,} children’s homes whose previous full inspection also "
        f"had a judgement, {found['improved']:,} improved"
    ) in text
    book = CalamineWorkbook.from_path(str(releases["providers-2024"] / "underlying-data.ods"))
    sheet = book.get_sheet_by_name("Change_since_previous").to_python()
    homes = next(r for r in sheet if r[0] == "All children's homes")
    assert homes[1:] == [sum(found.values()), found["improved"], found["same"], found["declined"]]
    # the 2025 ODS has no previous inspection's columns: nothing is said of it
    assert figures_2025_has_no_previous_columns()


def figures_2025_has_no_previous_columns() -> bool:
    f = build_figures(source(ODS_2025), AS_AT_2025)
    return set(f["change_since_previous_inspection"]["groups"]["all_providers"].values()) == {None}


def test_home_types_and_premises_reach_the_workbook(releases: dict[str, Path]) -> None:
    f = build_figures(source(ODS_2025), AS_AT_2025)
    book = CalamineWorkbook.from_path(str(releases["providers-2025"] / "underlying-data.ods"))
    rows = {r[0]: r[1:] for r in book.get_sheet_by_name("Home_types_and_premises").to_python()}
    details = f["register_details"]
    assert rows["Children's homes offering short breaks only"] == [
        details["short_break_only"]["providers"]["all_childrens_homes"],
        details["short_break_only"]["places"]["all_childrens_homes"],
    ]
    assert rows["Supported accommodation premises"] == [
        details["premises"]["supported_accommodation"],
        f["providers_and_places"]["places"]["supported_accommodation"],
    ]


def test_the_sub_judgements_tidy_file_meets_the_standard_and_the_figures(
    releases: dict[str, Path], figures: dict[str, Any]
) -> None:
    from inspection_outcomes.core.tidy import check_tidy_csv

    data = releases["providers-2025"] / "data"
    path = data / "providers_latest_sub_judgements.csv"
    assert check_tidy_csv(path) == []
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    subs = figures["latest_sub_judgements"]["groups"]["all_childrens_homes"]
    homes = {
        r["judgement_area"]: int(r["number_of_providers"])
        for r in rows
        if r["provider_group"] == "All children's homes" and r["judgement"] == "Total"
    }
    assert homes["How well children and young people are helped and protected"] == sum(
        subs["help_and_protection"].values()
    )
    assert homes["The effectiveness of leaders and managers"] == sum(
        subs["leaders_and_managers"].values()
    )
    assert {r["provider_group"] for r in rows}.isdisjoint({"Supported accommodation"})
