"""The LA pages of a release (la/index.html and la/<GSS>.html) and data/la_profiles.csv: built
from the real records by `outcomes release`, agreeing with the release's own LA-level file,
and read in real headless Chromium (axe at phone and desktop width, sorting, filtering, the
page whole without its script)."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import audit_page, axe, chromium, serve

OUTCOMES = [sys.executable, "-m", "inspection_outcomes"]
KENT, MEDWAY, CUMBRIA, CUMBERLAND = "E10000016", "E06000035", "E10000006", "E06000063"
WIDTHS = (375, 1280)


@pytest.fixture(scope="module")
def release(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("la-pages") / "release"
    history = shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    p = subprocess.run(
        [
            *OUTCOMES,
            "release",
            "--as-at",
            "2024-03-31",
            "--source",
            f"d2i:{history}",
            "--corrections",
            "corrections/d2i-ilacs.csv",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr
    return out


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_one_page_for_each_la_and_former_la(release: Path) -> None:
    profiles = _csv(release / "data" / "la_profiles.csv")
    existing = [r for r in profiles if r["existence"] == "exists"]
    assert len(existing) == 153
    assert {r["la_name"] for r in profiles if r["existence"] == "ceased"} >= {
        "Cumbria",
        "Northamptonshire",
    }
    pages = sorted(p.name for p in (release / "la").glob("E*.html"))
    assert pages == sorted(f"{r['la_code']}.html" for r in profiles)
    assert all(r["page"] == f"la/{r['la_code']}.html" for r in profiles)


def test_every_link_of_the_la_pages_leads_to_a_file(release: Path) -> None:
    for page in (release / "la").glob("*.html"):
        for href in _parse(page).hrefs:
            if href.startswith(("#", "https://")):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            assert target.is_file(), f"{page.name}: {href}"


def test_the_map_and_its_table_link_each_la_to_its_page(release: Path) -> None:
    """The release's LA-level table (the map's data) names each LA with a link to its page,
    and the map's shapes link to the same pages."""
    html = (release / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<table[^>]*id="data-map_overall_effectiveness".*?</table>', html, re.S)
    assert table, "the map's data table"
    profiles = {r["la_code"]: r for r in _csv(release / "data" / "la_profiles.csv")}
    linked = re.findall(r'<a class="govuk-link" href="la/(E\d{8}).html">([^<]+)</a>', table[0])
    assert len(linked) == 153
    for code, name in linked:
        assert (release / "la" / f"{code}.html").is_file()
        assert profiles[code]["la_name"] == name.replace("&#39;", "'")
    shapes = set(re.findall(r'<a href="la/(E\d{8}).html"', html))
    assert shapes == {code for code, _ in linked}


def test_profiles_agree_with_the_la_level_file(release: Path) -> None:
    """Two views of one release: the profiles' latest judgements are the LA-level file's."""
    profiles = {r["la_code"]: r for r in _csv(release / "data" / "la_profiles.csv")}
    level = [r for r in _csv(release / "data" / "la_inspection_outcomes.csv")]
    latest = [r for r in level if r["as_at"] == "2024-03-31"]
    assert len(latest) == 153
    for r in latest:
        p = profiles[r["la_code"]]
        assert p["latest_inspection_start"] == r["inspection_start_date"], r["la_name"]
        if r["inspection_start_date"]:
            assert p["overall_effectiveness"] == r["overall_effectiveness"], r["la_name"]
    meta = _csv(release / "data" / "la_profiles.meta.csv")
    with (release / "data" / "la_profiles.csv").open(encoding="utf-8") as f:
        assert [m["col_name"] for m in meta] == next(csv.reader(f))
    assert all(m["label"] and m["description"] for m in meta)


def test_index_lists_every_la_with_its_judgement(release: Path) -> None:
    rows_of = _csv(release / "data" / "la_profiles.csv")
    profiles = {r["la_name"]: r for r in rows_of if r["existence"] == "exists"}
    html = (release / "la" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<th scope="row" class="govuk-table__header"><a class="govuk-link" href="E', html
    )
    assert len(rows) == len(rows_of)  # Dorset twice: the former LA and today's
    kent = re.search(r">Kent</a>.*?</tr>", html, re.S)
    assert kent and profiles["Kent"]["overall_effectiveness"] in kent.group(0)
    assert "Outstanding" in kent.group(0)
    assert '<script src="../assets/la-table.js"></script>' in html
    assert (release / "assets" / "la-table.js").is_file()


def test_la_page_holds_its_inspections_neighbours_and_next_inspection(release: Path) -> None:
    page = release / "la" / f"{MEDWAY}.html"
    text = " ".join(" ".join(_parse(page).text).split())
    profile = {r["la_code"]: r for r in _csv(release / "data" / "la_profiles.csv")}[MEDWAY]
    assert "Medway" in text and "GSS code E06000035" in text
    assert "Latest graded inspection, with the previous one" in text
    # the time line and its table show the same inspections
    html = page.read_text(encoding="utf-8")
    figure = html[html.index('<figure class="app-figure" id="timeline">') :]
    figure = figure[: figure.index("</figure>")]
    marks = figure.count("<circle") + figure.count("<path")
    table = html[html.index('id="history-table"') :]
    table = table[: table.index("</table>")]
    assert marks == table.count('<th scope="row"') == int(profile["events_held"]) > 1
    # neighbours closest first, each linked to its page
    neighbours = profile["neighbours"].split(";")
    assert len(neighbours) == 10
    links = [h for h in _parse(page).hrefs if re.fullmatch(r"E\d{8}\.html", h)]
    assert links[: len(neighbours)] == [f"{c}.html" for c in neighbours]
    assert "The framework’s rule" in text and "What the history shows" in text
    assert "Gaps observed between graded inspections" in text


def test_former_la_names_its_successors(release: Path) -> None:
    parsed = _parse(release / "la" / f"{CUMBRIA}.html")
    text = " ".join(" ".join(parsed.text).split())
    assert "its successors: Cumberland and Westmorland and Furness" in text
    assert f"{CUMBERLAND}.html" in parsed.hrefs
    created = " ".join(" ".join(_parse(release / "la" / f"{CUMBERLAND}.html").text).split())
    assert "Created on 1 April 2023 from Cumbria" in created
    assert "Not yet inspected" in created


@pytest.fixture(scope="module")
def site(release: Path) -> Iterator[str]:
    with serve(release) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.mark.parametrize("page_name", ["index.html", f"{KENT}.html", f"{CUMBRIA}.html"])
@pytest.mark.parametrize("width", WIDTHS)
def test_la_pages_have_no_axe_violations(
    site: str, browser: Any, page_name: str, width: int
) -> None:
    page = audit_page(browser, viewport={"width": width, "height": 900})
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{site}/la/{page_name}")
    page.wait_for_load_state("networkidle")
    result = axe(page)
    assert result["violations"] == [], [v["id"] for v in result["violations"]]
    assert result["passes"]
    assert failed == []
    # nothing wider than the screen: wide tables scroll in their own region
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def test_la_list_sorts_and_filters_with_its_script(site: str, browser: Any) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{site}/la/index.html")
    table = page.locator("#la-table")

    def first() -> str:
        return str(table.locator("tbody tr").first.locator("th").inner_text())

    assert first() == "Barking and Dagenham"
    header = table.locator("th[data-sort] button", has_text="Local authority")
    header.click()
    assert table.locator("th").first.get_attribute("aria-sort") == "ascending"
    header.click()
    assert table.locator("th").first.get_attribute("aria-sort") == "descending"
    assert first() == "York"
    table.locator("th[data-sort] button", has_text="Overall effectiveness").click()
    top = table.locator("tbody tr").first.locator("td").nth(1).inner_text()
    assert top == "Outstanding"
    page.fill("#la-filter-name", "kent")
    visible = table.locator("tbody tr:not([hidden])")
    assert visible.count() == 1 and visible.first.locator("th").inner_text() == "Kent"
    page.fill("#la-filter-name", "")
    page.select_option("#la-filter-region", "London")
    assert visible.count() == 33
    assert "33 of" in page.inner_text("#la-filter-count")
    assert errors == []  # the script ran under the page's content security policy
    page.close()


def test_la_list_is_whole_without_its_script(site: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/la/index.html")
    assert page.locator("#la-filter").is_hidden()
    assert page.locator("#la-table tbody tr:visible").count() == 153
    context.close()
