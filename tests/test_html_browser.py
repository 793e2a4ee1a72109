"""The release pages in headless Chromium: no axe-core violations (WCAG 2.0-2.2 A and AA).

Uses Debian's Chromium (no browser download) and the axe-core npm package; screenshots at
desktop and mobile widths go to test-output/screenshots/ for a person to look at.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from inspection_outcomes.publications.la_outcomes.charts import build_charts
from inspection_outcomes.publications.la_outcomes.engine import run_engine
from inspection_outcomes.publications.la_outcomes.map import build_map
from inspection_outcomes.publications.la_outcomes.pages import NAV, write_pages
from inspection_outcomes.publications.la_outcomes.qa import qa_report
from inspection_outcomes.publications.la_outcomes.qa_page import write_qa_page
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from tests.browser_support import audit_page, axe, chromium, serve
from tests.test_findings_support import engine_content, published_content

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
WIDTHS = {"desktop": 1280, "mobile": 375}


@pytest.fixture(scope="module")
def site(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Both releases (engine's real data, and the published figures flagged as simulated)
    written and served on localhost."""
    root = tmp_path_factory.mktemp("site")
    real = engine_content(shared)
    write_pages(real, build_charts(real), build_map(real), root / "real")
    # The published figures have no per-LA rows, so that release has no map.
    simulated = published_content(shared, simulated=True)
    write_pages(simulated, build_charts(simulated), None, root / "simulated")
    # The quality assurance page of a release (written by the release writer).
    report = qa_report(
        run_engine(
            f"d2i:{shared / 'data' / 'ilacs' / 'ofsted_csc_ilacs_history.csv'}",
            ReleaseSpec.for_date(date(2024, 3, 31)),
            ROOT / "corrections" / "d2i-ilacs.csv",
        ),
        ROOT / "corrections" / "d2i-ilacs.csv",
    )
    for name, content in (("real", real), ("simulated", simulated)):
        write_qa_page(report, content, root / name / "quality-assurance.html")
    with serve(root) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


PAGES = [href for href, _ in NAV if "/" not in href]  # la/: tests/test_la_pages.py


@pytest.mark.parametrize("release", ["real", "simulated"])
@pytest.mark.parametrize("page_name", PAGES)
def test_page_has_no_axe_violations(
    site: str, browser: object, release: str, page_name: str
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    external: list[str] = []
    for label, width in WIDTHS.items():
        page = audit_page(browser, viewport={"width": width, "height": 900})
        page.on("request", lambda r: None if r.url.startswith(site) else external.append(r.url))
        page.goto(f"{site}/{release}/{page_name}")
        page.wait_for_load_state("networkidle")
        if label == "desktop":
            result = axe(page)
            violations = result["violations"]
            report = json.dumps(
                [
                    {
                        "id": v["id"],
                        "impact": v["impact"],
                        "help": v["help"],
                        "nodes": [n["target"] for n in v["nodes"]][:5],
                    }
                    for v in violations
                ],
                indent=1,
            )
            print(report)
            assert violations == [], report
            assert result["passes"], "axe ran no checks"
            assert page.locator("h1").count() == 1
            assert page.get_attribute("html", "lang") == "en"
            warning = page.locator(".govuk-warning-text")
            # Both releases are drafts (no producer and assurer): the draft warning, then
            # the simulated-data warning where the data are simulated.
            assert warning.count() == (2 if release == "simulated" else 1)
            assert "Draft: not for publication" in warning.first.inner_text()
        name = f"{release}-{page_name.removesuffix('.html')}-{label}.png"
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
        page.close()
    assert external == [], f"requests outside the site: {external}"


def test_index_links_every_chart_to_its_table(site: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(f"{site}/real/index.html")
    links = page.locator("a", has_text="View data in an accessible format")
    assert links.count() >= 4  # figures 1 to 3 and the map (no focused visits in this source)
    for i in range(links.count()):
        target = links.nth(i).get_attribute("href")
        assert target and target.startswith("#data-")
        assert page.locator(f"table[id='{target[1:]}']").count() == 1
    images = page.locator("img")
    for i in range(images.count()):
        assert (images.nth(i).get_attribute("alt") or "").strip()
        assert page.evaluate("img => img.naturalWidth > 0", images.nth(i).element_handle())
    page.close()
