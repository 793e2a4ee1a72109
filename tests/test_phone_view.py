"""The pages on a phone (375 px wide) in real headless Chromium: nothing wider than the
screen (wide tables scroll in their own box), and the text of every chart at least 12 px as
rendered, in the LA release and both providers releases."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import chromium, serve

PHONE = 375
MIN_TEXT_PX = 12.0
RELEASES = ["la", "providers-2025", "providers-2024"]
_SIZE = re.compile(r"font(?:-size)?:\s*(?:[a-z]+\s+)*([0-9.]+)px")


def _own_size(el: ET.Element) -> float | None:
    m = _SIZE.search(el.attrib.get("style", ""))
    if m:
        return float(m.group(1))
    if "font-size" in el.attrib:
        return float(el.attrib["font-size"].removesuffix("px"))
    return None


def smallest_text(svg: Path | str) -> tuple[float, float]:
    """(the drawing's width in its own units, its smallest font size in those units; a text
    without a size of its own takes its group's)."""
    root = ET.parse(svg).getroot() if isinstance(svg, Path) else ET.fromstring(svg)
    width = float(root.attrib["viewBox"].split()[2])
    sizes = []

    def walk(el: ET.Element, inherited: float | None) -> None:
        size = _own_size(el) or inherited
        if el.tag.rsplit("}", 1)[-1] == "text" and size is not None:
            sizes.append(size)
        for child in el:
            walk(child, size)

    walk(root, None)
    assert sizes, "no text"
    return width, min(sizes)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.mark.parametrize("name", RELEASES)
@pytest.mark.parametrize("page_name", ["index.html", "methodology.html"])
def test_nothing_is_wider_than_a_phone(
    releases: dict[str, Path], browser: Any, name: str, page_name: str
) -> None:
    with serve(releases[name]) as url:
        page = browser.new_page(viewport={"width": PHONE, "height": 800})
        page.goto(f"{url}/{page_name}")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
        page.close()


@pytest.mark.parametrize("name", RELEASES)
def test_table_captions_stay_on_the_screen(
    releases: dict[str, Path], browser: Any, name: str
) -> None:
    """A table wider than the phone scrolls in its box; its caption wraps to the screen and
    stays in view, before and after the table is scrolled."""
    with serve(releases[name]) as url:
        page = browser.new_page(viewport={"width": PHONE, "height": 800})
        page.goto(f"{url}/index.html")
        wide = page.evaluate(
            """() => [...document.querySelectorAll('.app-table-container')]
                .filter(box => box.scrollWidth > box.clientWidth).length"""
        )
        edges = page.evaluate(
            """() => [...document.querySelectorAll('.app-table-container')].map(box => {
                const caption = box.querySelector('.app-caption');
                if (!caption) return null;
                const before = caption.getBoundingClientRect();
                box.scrollLeft = box.scrollWidth;
                const after = caption.getBoundingClientRect();
                return [before.left, before.right, after.left, after.right];
            }).filter(Boolean)"""
        )
        page.close()
    assert edges
    if name == "providers-2025":
        assert wide > 0  # the change table is wider than a phone: the check bites
    for left, right, left_after, right_after in edges:
        assert left >= 0 and right <= PHONE
        assert left_after >= 0 and right_after <= PHONE


@pytest.mark.parametrize("name", RELEASES)
def test_chart_text_is_legible_on_a_phone(
    releases: dict[str, Path], browser: Any, name: str
) -> None:
    folder = releases[name]
    with serve(folder) as url:
        page = browser.new_page(viewport={"width": PHONE, "height": 800})
        page.goto(f"{url}/index.html")
        images = page.locator("figure img")
        assert images.count() >= 2
        small = []
        for i in range(images.count()):
            src = images.nth(i).get_attribute("src")
            shown = images.nth(i).bounding_box()["width"]
            width, size = smallest_text(folder / src)
            rendered = size * shown / width
            if rendered < MIN_TEXT_PX:
                small.append(f"{src}: {rendered:.1f} px")
        inline = page.locator("figure svg")  # the map, inline
        for i in range(inline.count()):
            shown = inline.nth(i).bounding_box()["width"]
            width, size = smallest_text(inline.nth(i).evaluate("e => e.outerHTML"))
            if size * shown / width < MIN_TEXT_PX:
                small.append(f"inline drawing {i}: {size * shown / width:.1f} px")
        if name == "la":
            assert inline.count() == 1
        page.close()
    assert small == []


def test_the_measure_reads_a_drawings_smallest_text(tmp_path: Path) -> None:
    svg = tmp_path / "x.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100">'
        '<text style="font: 12px sans-serif">a</text><text font-size="9">b</text>'
        '<g font-size="7"><text>c</text></g></svg>',
        encoding="utf-8",
    )
    assert smallest_text(svg) == (400.0, 7.0)
