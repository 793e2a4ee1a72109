"""`outcomes providers release`: the complete providers release through the shared publish
layer, built once per module from the real 2024 CSV (as at) and 2025 ODS (in-year)."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from inspection_outcomes.cli import app
from inspection_outcomes.core.sentences import Sentence
from inspection_outcomes.core.tidy import check_tidy_csv
from inspection_outcomes.core.workbook import read_back
from inspection_outcomes.model import providers as pm
from inspection_outcomes.model.ees_geography import regions as ons_regions
from inspection_outcomes.model.reference import read_table
from inspection_outcomes.model.scale import JUDGEMENTS, SUPPORTED_ACCOMMODATION_JUDGEMENTS
from inspection_outcomes.publications.providers import common as pc
from inspection_outcomes.publications.providers.figures import IN_YEAR_RULE, build_figures
from inspection_outcomes.publications.providers.findings import (
    build_providers_findings,
    check_providers_numbers,
)
from inspection_outcomes.publications.providers.release import providers_content
from inspection_outcomes.publications.providers.workbook import build_providers_workbook
from inspection_outcomes.sources import ofsted_providers
from tests.browser_support import audit_page, axe, chromium, serve
from tests.providers_support import CSV_2024, ODS_2025, data_file, run_cli, source
from tests.test_providers_redaction import geography, source_values, strings

pytestmark = pytest.mark.shared

ROOT = Path(__file__).resolve().parents[1]
POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}\b")


def _args(out: Path) -> list[str]:
    return [
        "providers",
        "release",
        "--as-at",
        "2024-03-31",
        "--source",
        f"ofsted-providers:{data_file(CSV_2024)}",
        "--in-year-source",
        f"ofsted-providers:{data_file(ODS_2025)}",
        "--allow-other-period",
        "--out",
        str(out),
        "--producer",
        "A. Producer",
        "--assurer",
        "B. Assurer",
        "--publication-date",
        "2024-09-26",
    ]


def _in_process(*args: str) -> Any:
    """The CLI in this process, with the real files read once per session."""
    original = ofsted_providers.read_provider_source
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(
            ofsted_providers,
            "read_provider_source",
            lambda p: (
                source(Path(p).name)
                if Path(p).parent == data_file(CSV_2024).parent
                else original(p)
            ),
        )
        return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The release built twice: once in a fresh process, once in this one."""
    root = tmp_path_factory.mktemp("providers-release")
    a, b = root / "a", root / "b"
    p = subprocess.run(
        [sys.executable, "-m", "inspection_outcomes", *_args(a)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr
    r = _in_process(*_args(b))
    assert r.exit_code == 0, r.output
    return a, b


@pytest.fixture(scope="module")
def figures(built: tuple[Path, Path]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built[0] / "figures.json").read_text())
    return data


def _files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def test_release_contains_every_part(built: tuple[Path, Path]) -> None:
    out = built[0]
    for name in (
        "figures.json",
        "underlying-data.ods",
        "underlying-data.xlsx",
        "index.html",
        "manifest.json",
        "data/data_guidance.md",
        "assets/govuk-frontend.min.css",
    ):
        assert (out / name).is_file(), name
    # in-year outcomes come from the ODS; the 2024 CSV's Places column is its register
    assert sorted(p.name for p in (out / "charts").glob("*.svg")) == [
        *(f"figure_{n}.svg" for n in range(1, 6)),
        "map_childrens_homes.svg",
    ]
    # no joiners and leavers table: that file is not written (no file of x), and the data
    # guidance says why
    metas = sorted((out / "data").glob("*.meta.csv"))
    assert [m.name.removesuffix(".meta.csv") for m in metas] == [
        "providers_and_places",
        "providers_events_in_year",
        "providers_in_year_outcomes",
        "providers_latest_outcomes",
        "providers_latest_sub_judgements",
    ]
    guidance = (out / "data" / "data_guidance.md").read_text()
    assert "`providers_joiners_and_leavers.csv` is not written: the source holds no joiners" in (
        guidance
    )
    for meta in metas:
        data = meta.with_name(meta.name.replace(".meta.csv", ".csv"))
        assert check_tidy_csv(data) == [], data.name


def test_same_inputs_give_byte_identical_files(built: tuple[Path, Path]) -> None:
    a, b = built
    assert _files(a) == _files(b)
    for f in _files(a):
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_manifest_lists_every_file_with_its_checksum(built: tuple[Path, Path]) -> None:
    out = built[0]
    manifest = json.loads((out / "manifest.json").read_text())
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    assert set(listed) == {p.as_posix() for p in _files(out)} - {"manifest.json"}
    for path, digest in listed.items():
        assert hashlib.sha256((out / path).read_bytes()).hexdigest() == digest, path
    assert manifest["status"] == "final"
    assert manifest["parameters"]["as_at"] == "2024-03-31"
    assert {i["path"]: i["sha256"] for i in manifest["inputs"]} == {
        n: hashlib.sha256(data_file(n).read_bytes()).hexdigest() for n in (CSV_2024, ODS_2025)
    }


def test_figures_json_equals_the_figures_command(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    r = run_cli(
        monkeypatch,
        "--as-at",
        "2024-03-31",
        "--source",
        f"ofsted-providers:{data_file(CSV_2024)}",
        "--in-year-source",
        f"ofsted-providers:{data_file(ODS_2025)}",
        "--allow-other-period",
        "--format",
        "json",
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout == (built[0] / "figures.json").read_text()


# --- spreadsheets ---------------------------------------------------------------------------


def _table(rows: list[list[Any]], first_header: str) -> list[dict[str, Any]]:
    head = next(i for i, r in enumerate(rows) if r and r[0] == first_header)
    return [dict(zip(rows[head], r, strict=False)) for r in rows[head + 1 :]]


def _cell(value: Any) -> Any:
    """A figure as the spreadsheet shows it: None is [x]."""
    return "[x]" if value is None else value


@pytest.mark.parametrize("fmt", ["ods", "xlsx"])
def test_spreadsheets_read_back_equal_the_figures(
    built: tuple[Path, Path], figures: dict[str, Any], fmt: str
) -> None:
    book = read_back(built[0] / f"underlying-data.{fmt}")
    assert list(book)[:3] == ["Cover", "Contents", "Notes"]
    labels = {pc.group_label(g): g for g in pm.GROUPS}
    latest = figures["latest_overall_effectiveness"]["groups"]
    rows = _table(book["Latest_outcomes"], "Provider group")
    assert {labels[r["Provider group"]] for r in rows} == set(pc.FOUR_POINT_GROUPS)
    for r in rows:
        counts = latest[labels[r["Provider group"]]]
        assert r["Providers with a judgement"] == sum(counts.values())
        for j in JUDGEMENTS:
            assert r[f"{pc.GRADE_LABELS[j]} (number)"] == counts[j]
    sectors = {pc.sector_label(s): s for s in pm.SECTORS}
    by_sector = figures["by_sector"]["latest_overall_effectiveness"]
    rows = _table(book["Latest_outcomes_by_sector"], "Sector")
    assert len(rows) == len(pm.SECTORS) * len(pc.FOUR_POINT_GROUPS)
    for r in rows:
        counts = by_sector[sectors[r["Sector"]]][labels[r["Provider group"]]]
        assert [r[f"{pc.GRADE_LABELS[j]} (number)"] for j in JUDGEMENTS] == [
            counts[j] for j in JUDGEMENTS
        ]
    by_region = figures["by_region"]["latest_overall_effectiveness"]
    for r in _table(book["Latest_outcomes_by_region"], "Ofsted region"):
        counts = by_region[r["Ofsted region"]][labels[r["Provider group"]]]
        assert r["Inadequate (number)"] == counts["inadequate"]
    in_year = figures["in_year_overall_effectiveness"]["groups"]
    for r in _table(book["In_year_outcomes"], "Provider group"):
        counts = in_year[labels[r["Provider group"]]]
        assert r["Inspections with a judgement"] == sum(counts.values())
        assert r["Good (number)"] == counts["good"]
    sa = _table(book["Supported_accommodation"], "Measure")[0]
    assert sa["England, sector or region"] == "England"
    assert [sa[f"{pc.GRADE_LABELS[j]} (number)"] for j in SUPPORTED_ACCOMMODATION_JUDGEMENTS] == [
        _cell(latest["supported_accommodation"][j]) for j in SUPPORTED_ACCOMMODATION_JUDGEMENTS
    ]
    pp = figures["providers_and_places"]
    for r in _table(book["Providers_and_places"], "Provider group"):
        assert r["Providers"] == _cell(pp["providers"][labels[r["Provider group"]]])
    jl = figures["joiners_and_leavers"]
    # the 2024 CSV has no joiners and leavers: no sheet of [x], and the cover says so once
    assert jl["joiners"]["all_providers"] is None and "Joiners_and_leavers" not in book
    cover = " ".join(str(c) for row in book["Cover"] for c in row)
    assert "It has no sheets of" in cover and "joiners and leavers" in cover
    contents = [r["Sheet name"] for r in _table(book["Contents"], "Sheet name")]
    assert contents == ["Cover", *list(book)[2:]]


def _figures_2025() -> dict[str, Any]:
    return build_figures(source(ODS_2025), date(2025, 3, 31))


def test_register_and_joiners_reach_the_workbook_when_the_source_has_them() -> None:
    f = _figures_2025()
    wb = build_providers_workbook(providers_content(f))
    pp = wb.sheet("Providers_and_places")
    by_label = {r[0]: r for r in pp.rows}
    for g in pm.GROUPS:
        providers, places = (
            f["providers_and_places"]["providers"][g],
            f["providers_and_places"]["places"][g],
        )
        assert providers is not None
        assert by_label[pc.group_label(g)][1:] == [providers, "[z]" if places is None else places]
    jl = {r[0]: r for r in wb.sheet("Joiners_and_leavers").rows}
    assert jl["All children's homes"][1:3] == [
        f["joiners_and_leavers"]["joiners"]["all_childrens_homes"],
        f["joiners_and_leavers"]["leavers"]["all_childrens_homes"],
    ]


# --- findings page ------------------------------------------------------------------------


def test_findings_quote_only_the_figures(built: tuple[Path, Path], figures: dict[str, Any]) -> None:
    findings = build_providers_findings(figures)
    assert check_providers_numbers(findings, figures) == []
    page = (built[0] / "index.html").read_text()
    quoted = 0
    for s in findings.sentences():
        for v in s.values.values():
            if isinstance(v, int) and not isinstance(v, bool):
                quoted += 1
        assert s.text.replace("’", "&#39;").replace("'", "&#39;") in page.replace("’", "&#39;")
    assert quoted > 20
    homes = figures["latest_overall_effectiveness"]["groups"]["all_childrens_homes"]
    n = sum(homes.values())
    pct = pc.share(homes["good"] + homes["outstanding"], n)
    by_id = {s.id: s for s in findings.sections}
    assert f"{pct}% of the {n:,} children’s homes" in by_id["key-messages"].paragraphs[0].text
    # a sentence quoting a number no figure explains, or a wrong value, is caught
    by_id["key-messages"].paragraphs[0].sentences.append(Sentence("There were 12,345 homes."))
    first = by_id["by-provider-group"].paragraphs[1].sentences[0]
    first.values = {k: (v + 1 if isinstance(v, int) else v) for k, v in first.values.items()}
    problems = check_providers_numbers(findings, figures)
    assert any("12,345" in p for p in problems)
    assert any("in the figures but" in p for p in problems)


def test_findings_report_register_and_joiners_when_the_source_has_them() -> None:
    f = _figures_2025()
    findings = build_providers_findings(f)
    assert check_providers_numbers(findings, f) == []
    text = " ".join(s.text for s in findings.sentences())
    jl = f["joiners_and_leavers"]
    assert f"{jl['joiners']['all_childrens_homes']:,} children’s homes joined" in text
    assert f"{f['providers_and_places']['providers']['all_providers']:,} providers" in text
    assert "do not hold" not in text


def test_every_chart_has_alt_text_and_its_data_table(built: tuple[Path, Path]) -> None:
    page = (built[0] / "index.html").read_text()
    for svg in sorted((built[0] / "charts").glob("*.svg")):
        text = svg.read_text()
        assert "<title" in text and "<desc" in text
        chart_id = svg.stem
        assert f'id="data-{chart_id}"' in page
        if chart_id.startswith("map_"):  # drawn inline, so that its shapes' titles show
            alt = re.search(rf'<desc id="{chart_id}-desc">([^<]+)</desc>', page)
            assert alt and "children's homes" in alt.group(1).replace("&#39;", "'")
            continue
        assert f'src="charts/{chart_id}.svg"' in page
        alt = re.search(rf'src="charts/{chart_id}.svg" alt="([^"]+)"', page)
        assert alt and len(alt.group(1)) > 80 and re.search(r"\d+(%| providers)", alt.group(1))
    # the 2024 CSV's Places column is the register: figure 5 is drawn, nothing says otherwise
    assert "no register of providers" not in page


# --- redaction -----------------------------------------------------------------------------


def _texts(folder: Path) -> dict[str, str]:
    """Every output file as text; spreadsheets unzipped and every XML part read."""
    out = {}
    for rel in _files(folder):
        path = folder / rel
        if path.suffix in (".ods", ".xlsx"):
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    out[f"{rel}!{name}"] = z.read(name).decode("utf-8", "replace")
        elif path.suffix in (".woff", ".woff2", ".ico"):
            continue
        elif path.suffix == ".svg" and rel.parts[0] != "assets":
            # a drawing's text (titles, descriptions, labels), not its coordinates
            root = ET.parse(path).getroot()
            out[str(rel)] = "\n".join(root.itertext())
        else:
            out[str(rel)] = path.read_text(encoding="utf-8")
    return out


def test_no_name_address_or_postcode_in_any_file(
    built: tuple[Path, Path], figures: dict[str, Any]
) -> None:
    sensitive, other = source_values()
    assert len(sensitive) > 1000
    texts = _texts(built[0])
    assert any(k.endswith("content.xml") for k in texts)
    assert any(k.startswith("underlying-data.xlsx!xl/") for k in texts)
    own_words = "\n".join(
        [
            other,
            IN_YEAR_RULE,
            pm.SectorRule().describe(),
            *(r["label"] for r in read_table("provider_groups.csv")),
            *(k.replace("_", " ") for k in strings(figures)),
            *geography(),
        ]
    ).lower()
    for name, text in texts.items():
        if name.startswith("assets/"):
            continue
        assert "REDACTED" not in text, name
        assert POSTCODE.findall(text) == [], name
        low = text.lower()
        words = set(re.findall(r"\w+", low))
        leaked = [
            v
            for v in sensitive
            if set(re.findall(r"\w+", v.lower())) <= words
            and v.lower() in low
            and v.lower() not in own_words
        ]
        assert leaked == [], (name, leaked[:5])


# --- no overwrite -------------------------------------------------------------------------


def test_existing_folder_is_not_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "release"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    p = subprocess.run(
        [sys.executable, "-m", "inspection_outcomes", *_args(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "--force" in p.stderr
    assert "Traceback" not in p.stderr
    assert [f.name for f in out.iterdir()] == ["keep.txt"]


# --- accessibility -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(built: tuple[Path, Path]) -> Iterator[str]:
    with serve(built[0]) as url:
        yield url


def _axe(url: str, served: str, check: Any = None) -> None:
    """axe-core (WCAG 2.2 AA tags) on one page: zero violations, no request leaves the server;
    `check(page)` runs further assertions on the loaded page."""
    external: list[str] = []
    with chromium() as browser:
        page = audit_page(browser, viewport={"width": 1280, "height": 900})
        page.on("request", lambda r: None if r.url.startswith(served) else external.append(r.url))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        result = axe(page)
        report = json.dumps(
            [
                {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
                for v in result["violations"]
            ],
            indent=1,
        )
        assert result["violations"] == [], report
        assert result["passes"], "axe ran no checks"
        assert page.locator("h1").count() == 1
        if check is not None:
            check(page)
    assert external == []


@pytest.mark.browser
def test_findings_page_has_no_axe_violations(served: str) -> None:
    def five_images(page: Any) -> None:
        images = page.locator("img")
        assert images.count() == 5
        for i in range(images.count()):
            assert page.evaluate("img => img.naturalWidth > 0", images.nth(i).element_handle())

    _axe(f"{served}/index.html", served, five_images)


@pytest.mark.browser
@pytest.mark.parametrize("name", ["methodology.html", "glossary.html"])
def test_methodology_and_glossary_have_no_axe_violations(served: str, name: str) -> None:
    def navigation(page: Any) -> None:
        current = page.locator("#navigation [aria-current=page]")
        assert current.count() == 1 and current.get_attribute("href") == name

    _axe(f"{served}/{name}", served, navigation)


def test_tidy_csv_totals_agree_with_the_figures(
    built: tuple[Path, Path], figures: dict[str, Any]
) -> None:
    with (built[0] / "data" / "providers_latest_outcomes.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    homes = figures["latest_overall_effectiveness"]["groups"]["all_childrens_homes"]
    national = {
        r["judgement"]: r["number_of_providers"]
        for r in rows
        if r["geographic_level"] == "National"
        and r["sector"] == "Total"
        and r["provider_group"] == "All children's homes"
    }
    assert national == {
        **{pc.GRADE_LABELS[j]: str(homes[j]) for j in JUDGEMENTS},
        "Total": str(sum(homes.values())),
    }
    regional = [r for r in rows if r["geographic_level"] == "Regional"]
    ons = {(r.code, r.name) for r in ons_regions()}
    assert {(r["region_code"], r["region_name"]) for r in regional} == ons
    # each Ofsted region is the sum of the ONS regions its filter item names
    by_ofsted = figures["by_region"]["latest_overall_effectiveness"]
    for region in pc.REGIONS:
        total = sum(
            int(r["number_of_providers"])
            for r in regional
            if r["ofsted_region"] == region
            and r["provider_group"] == "All providers"
            and r["judgement"] == "Total"
        )
        assert total == sum(by_ofsted[region]["all_providers"].values()), region


# --- methodology and glossary ---------------------------------------------------------------

PAGES = ("index.html", "methodology.html", "glossary.html", "pre-release-access.html")


def _text(html: str) -> str:
    """A page's visible text, entities decoded and whitespace collapsed."""
    import html as html_lib

    main = html[html.index("<main") : html.index("</main>")]
    inline = re.sub(r"</?(?:a|span|strong)\b[^>]*>", "", main)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def _nav(html: str) -> list[str]:
    nav = html[html.index('id="navigation"') :]
    return re.findall(r'href="([^"]+)"', nav[: nav.index("</ul>")])


def test_pages_exist_and_every_page_links_to_every_other(built: tuple[Path, Path]) -> None:
    out = built[0]
    for name in PAGES:
        html = (out / name).read_text()
        assert _nav(html) == list(PAGES), name
        assert f'href="{name}" aria-current="page"' in html, name
    index = (out / "index.html").read_text()
    assert 'href="methodology.html"' in index.split('id="navigation"')[1]
    assert 'id="provisional"' not in index  # a full year is final


def test_methodology_states_this_releases_parameters(
    built: tuple[Path, Path], figures: dict[str, Any]
) -> None:
    text = _text((built[0] / "methodology.html").read_text())
    iy = figures["in_year_overall_effectiveness"]
    assert (iy["start"], iy["end"], iy["provisional"]) == ("2024-04-01", "2025-03-31", False)
    assert "As at 31 March 2024" in text
    assert "In-year period 1 April 2024 to 31 March 2025" in text
    assert "Status of in-period data Final" in text
    moved = figures["by_sector"]["providers_reclassified"]
    assert moved > 0
    assert f"counts them in the local authority sector ({moved:,} providers" in text
    assert f"{CSV_2024}: providers and their latest full inspection as at 31 March 2024" in text
    assert f"{ODS_2025}: inspections 1 April 2024 to 31 March 2025" in text
    for row in read_table("provider_groups.csv"):
        assert row["label"].replace("'", "’").lower() in text.lower(), row["label"]
    # the 2024 CSV's Places column is its register; it holds no joiners: the page says so
    assert figures["providers_and_places"]["providers"]["all_providers"] == 3876
    assert "a register of providers and places" not in text
    assert "do not hold" in text and "providers joining and leaving during the year" in text
    for pillar in ("Trustworthiness", "Quality", "Value", "Revisions policy"):
        assert pillar in text
    assert "names and addresses of children’s homes are redacted" in text


def test_methodology_follows_the_sector_rule() -> None:
    from inspection_outcomes.publications.providers.methodology import parameters, sector_rule

    f = _figures_2025()
    f_recorded = build_figures(
        source(ODS_2025), date(2025, 3, 31), sector_rule=pm.SectorRule("as_recorded")
    )
    assert "counted as local authority rather than voluntary" in sector_rule(f)
    assert "counted as local authority rather than voluntary" not in sector_rule(f_recorded)
    assert dict(parameters(f_recorded, False))["Sector rule"] == "Sectors as recorded in the data"


def test_glossary_defines_provision_types_and_both_scales(built: tuple[Path, Path]) -> None:
    text = _text((built[0] / "glossary.html").read_text())
    for row in read_table("provider_groups.csv"):
        assert row["label"].replace("'", "’") in text, row["label"]
    for label in pc.GRADE_LABELS.values():
        assert label.lower() in text.lower(), label
    assert "Judgement scale (supported accommodation)" in text
    assert "A type of provision regulated" not in text  # every type has its own definition


def test_no_local_path_in_any_page(built: tuple[Path, Path]) -> None:
    here = str(data_file(CSV_2024).parent)
    for name in PAGES:
        html = (built[0] / name).read_text()
        assert here not in html and str(built[0]) not in html, name
        assert re.findall(r"(?<![\w.:/])/(?:tmp|home|work|usr|var|Users|root)/", html) == [], name
        assert re.findall(r"[A-Za-z]:\\\\", html) == [], name


def test_sources_given_as_paths_reach_the_page_as_file_names() -> None:
    from inspection_outcomes.publications.providers.methodology import file_name
    from inspection_outcomes.publications.providers.pages import render_providers_pages

    assert file_name("C:\\data\\x.ods") == "x.ods"
    f = _figures_2025()
    f["sources"] = {"as_at": str(data_file(ODS_2025)), "in_year": str(data_file(ODS_2025))}
    pages = render_providers_pages(providers_content(f), [], {})
    assert ODS_2025 in pages["methodology.html"]
    assert str(data_file(ODS_2025).parent) not in pages["methodology.html"]


# --- provisional: a period shorter than a year -----------------------------------------------


@pytest.fixture(scope="module")
def provisional(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2025 ODS with an in-year period of 1 April to 31 August (5 months)."""
    out = tmp_path_factory.mktemp("providers-provisional") / "release"
    r = _in_process(
        "providers",
        "release",
        "--as-at",
        "2025-03-31",
        "--source",
        f"ofsted-providers:{data_file(ODS_2025)}",
        "--period-start",
        "2024-04-01",
        "--period-end",
        "2024-08-31",
        "--out",
        str(out),
    )
    assert r.exit_code == 0, r.output
    return out


def test_short_period_is_labelled_provisional_everywhere(provisional: Path) -> None:
    f = json.loads((provisional / "figures.json").read_text())
    iy = f["in_year_overall_effectiveness"]
    assert (iy["start"], iy["end"], iy["provisional"]) == ("2024-04-01", "2024-08-31", True)
    full = _figures_2025()["in_year_overall_effectiveness"]
    assert full["provisional"] is False
    n = pc.total(iy["groups"]["all_providers"])
    assert n is not None and 0 < n < (pc.total(full["groups"]["all_providers"]) or 0)
    index = (provisional / "index.html").read_text()
    assert 'class="govuk-inset-text" id="provisional"' in index
    assert "(1 April 2024 to 31 August 2024) are provisional" in _text(index)
    method = _text((provisional / "methodology.html").read_text())
    assert "Status of in-period data Provisional" in method
    assert "1 April 2024 to 31 August 2024" in method
    for fmt in ("ods", "xlsx"):
        cover = " ".join(
            str(c)
            for r in read_back(provisional / f"underlying-data.{fmt}")["Cover"]
            for c in r
            if c
        )
        assert "Provisional data" in cover, fmt
        assert "between 1 April 2024 and 31 August 2024) are provisional" in cover, fmt


def test_figures_command_reports_a_short_period_as_provisional(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    r = run_cli(
        monkeypatch,
        "--as-at",
        "2025-03-31",
        "--source",
        f"ofsted-providers:{data_file(ODS_2025)}",
        "--period-start",
        "2024-04-01",
        "--period-end",
        "2024-08-31",
        "--format",
        "json",
    )
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["in_year_overall_effectiveness"]["provisional"] is True


@pytest.mark.browser
def test_provisional_pages_have_no_axe_violations(provisional: Path) -> None:
    with serve(provisional) as url:
        for name in ("index.html", "methodology.html"):
            _axe(f"{url}/{name}", url)


def test_a_tidy_file_that_breaks_an_ees_rule_fails_the_build(
    figures: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspection_outcomes.errors import ReleaseError
    from inspection_outcomes.publications.providers import release, tidy

    made = tidy.providers_tidy_files

    def joined_code(content: Any) -> Any:
        files = made(content)
        for r in files[0].rows:
            if r["region_code"] == "E12000001":
                r["region_code"] = "E12000001;E12000003"
        return files

    monkeypatch.setattr(tidy, "providers_tidy_files", joined_code)
    with pytest.raises(ReleaseError) as e:
        release.write_providers_release(figures, tmp_path / "out", inputs=[])
    assert re.search(
        r"providers_latest_outcomes\.csv row \d+: rule geog_region_combos \(", str(e.value)
    ), str(e.value)
    assert not (tmp_path / "out").exists()


def test_providers_and_places_are_counted_from_the_places_column(built: tuple[Path, Path]) -> None:
    with (built[0] / "data" / "providers_and_places.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    national = {
        r["provider_group"]: r
        for r in rows
        if r["geographic_level"] == "National" and r["sector"] == "Total"
    }
    # the 2024 CSV holds no supported accommodation: All providers is every provider
    assert national["All providers"]["number_of_providers"] == "3876"
    assert national["All providers"]["number_of_places"] == "29663"
    assert not any(r["number_of_providers"] == "x" for r in rows)


@pytest.mark.parametrize(
    ("name", "indicator"),
    [
        ("providers_in_year_outcomes", "number_of_inspections"),
        ("providers_events_in_year", "number_of_events"),
        ("providers_latest_outcomes", "number_of_providers"),
        ("providers_and_places", "number_of_providers"),
    ],
)
def test_all_providers_means_the_same_in_every_file(
    built: tuple[Path, Path], name: str, indicator: str
) -> None:
    """All providers is the sum of the provision types except supported accommodation, in
    every file and every cell; the metadata says so."""
    with (built[0] / "data" / f"{name}.meta.csv").open(newline="") as fh:
        meta = {m["col_name"]: m for m in csv.DictReader(fh)}
    assert "except supported accommodation" in meta["provider_group"]["filter_hint"]
    assert meta["provider_group"]["filter_default"] == "All providers"
    with (built[0] / "data" / f"{name}.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    aggregates = {"All providers", "All children's homes", "Supported accommodation"}
    indicators = [c for c, m in meta.items() if m["col_type"] == "Indicator"]
    keys = [c for c in rows[0] if c not in ("provider_group", *indicators)]
    cells: dict[tuple[str, ...], dict[str, str]] = {}
    for r in rows:
        cells.setdefault(tuple(r[k] for k in keys), {})[r["provider_group"]] = r[indicator]
    checked = 0
    for groups in cells.values():
        parts = [v for g, v in groups.items() if g not in aggregates]
        total = groups.get("All providers", "z")
        if total in ("x", "z") or any(v in ("x", "z") for v in parts):
            continue
        assert int(total) == sum(int(v) for v in parts), groups
        checked += 1
    assert checked > 0
