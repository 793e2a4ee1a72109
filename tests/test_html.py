"""The release pages: structure, determinism, assets and the pre-release configuration."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from inspection_outcomes.core.content import DRAFT_MARK
from inspection_outcomes.core.pages import read_pre_release
from inspection_outcomes.errors import InputError, ReleaseError
from inspection_outcomes.publications.la_outcomes.charts import build_charts
from inspection_outcomes.publications.la_outcomes.map import build_map
from inspection_outcomes.publications.la_outcomes.pages import (
    SIMULATED_WARNING,
    render_pages,
    write_pages,
)
from tests.test_findings_support import engine_content, published_content

PAGES = ("index.html", "methodology.html", "glossary.html", "pre-release-access.html")


class _Outline(HTMLParser):
    """Headings, ids, table structure and external references of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.th_without_scope = 0
        self.tables = 0
        self.captions = 0
        self.imgs_without_alt = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "a" and a.get("href"):
            self.hrefs.append(str(a["href"]))
        if tag in ("img", "link", "script") and (a.get("src") or a.get("href")):
            self.srcs.append(str(a.get("src") or a.get("href")))
        if tag == "th" and a.get("scope") not in ("col", "row"):
            self.th_without_scope += 1
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "img" and not (a.get("alt") or "").strip():
            self.imgs_without_alt += 1


def _outline(html: str) -> _Outline:
    o = _Outline()
    o.feed(html)
    return o


@pytest.fixture(scope="module")
def real_site(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = engine_content(shared)
    out = tmp_path_factory.mktemp("site")
    write_pages(content, build_charts(content), build_map(content), out)
    return out


def test_pages_are_accessible_in_structure(real_site: Path) -> None:
    for name in PAGES:
        html = (real_site / name).read_text(encoding="utf-8")
        o = _outline(html)
        assert html.startswith('<!DOCTYPE html>\n<html lang="en"')
        assert o.headings.count(1) == 1 and o.headings[0] == 1, name
        for a, b in zip(o.headings, o.headings[1:], strict=False):
            assert b <= a + 1, f"{name}: heading level jumps from h{a} to h{b}"
        assert len(o.ids) == len(set(o.ids)), f"{name}: duplicate ids"
        assert o.th_without_scope == 0 and o.tables == o.captions
        assert o.imgs_without_alt == 0
        assert 'class="govuk-skip-link"' in html and 'id="main-content"' in html
        assert "Open Government Licence" in html
        # No request leaves the folder: every stylesheet, image and script is local.
        assert all(not s.startswith(("http", "//")) for s in o.srcs), o.srcs
        for src in o.srcs:
            assert (real_site / src).is_file(), src
        for href in o.hrefs:
            if href.startswith("#"):
                assert href[1:] in o.ids, f"{name}: broken anchor {href}"


def test_every_chart_links_to_its_annex_table(shared: Path) -> None:
    content = engine_content(shared)
    charts = build_charts(content)
    map_chart = build_map(content)
    html = render_pages(content, charts, map_chart)["index.html"]
    assert map_chart is not None
    for chart in [*charts, map_chart]:
        if chart.inline is not None:  # the map, inline: its links work in the page
            assert f'aria-labelledby="{chart.id}-title {chart.id}-desc"' in html
        else:
            assert f'src="charts/{chart.id}.svg"' in html
        assert f'href="#data-{chart.id}"' in html
        assert f'<table class="govuk-table" id="data-{chart.id}">' in html
    assert html.count("View data in an accessible format") == len(charts) + 1


def test_output_is_deterministic_and_assets_are_copied(shared: Path, tmp_path: Path) -> None:
    content = engine_content(shared)
    charts, map_chart = build_charts(content), build_map(content)
    a = write_pages(content, charts, map_chart, tmp_path / "a")
    b = write_pages(content, charts, map_chart, tmp_path / "b")
    rel_a = [p.relative_to(tmp_path / "a") for p in a]
    assert rel_a == [p.relative_to(tmp_path / "b") for p in b]
    for p, q in zip(a, b, strict=True):
        assert p.read_bytes() == q.read_bytes(), p
    css = (tmp_path / "a" / "assets" / "govuk-frontend.min.css").read_text(encoding="utf-8")
    assert "url(/assets/" not in css
    for font in re.findall(r"url\((fonts/[^)]+)\)", css):
        assert (tmp_path / "a" / "assets" / font).is_file()


def test_simulated_warning_on_every_page(shared: Path) -> None:
    content = published_content(shared, simulated=True)
    pages = render_pages(content, [], None)
    for name in PAGES:
        assert 'class="govuk-warning-text"' in pages[name]
        assert SIMULATED_WARNING in pages[name]
    real = render_pages(published_content(shared, final=True), [], None)
    assert all("govuk-warning-text" not in real[n] for n in PAGES)


def test_a_draft_says_so_first_and_claims_no_publication_date(shared: Path) -> None:
    draft = render_pages(published_content(shared), [], None)
    final = render_pages(published_content(shared, final=True), [], None)
    for name in PAGES:
        main = draft[name].split('<main class="govuk-main-wrapper" id="main-content">', 1)[1]
        first = main.split("</div>", 1)[0]
        assert "govuk-warning-text" in first and f"{DRAFT_MARK}." in first, name
        assert f"<title>{DRAFT_MARK} - " in draft[name]
        assert "Published 30 August 2024" not in draft[name]
        assert "It was published on" not in draft[name]
        assert "Published 30 August 2024" in final[name]
        assert "Draft" not in final[name] and "not for publication" not in final[name]


def test_without_charts_the_annex_still_has_a_table_per_figure(shared: Path) -> None:
    pages = render_pages(published_content(shared), [], None)
    html = pages["index.html"]
    for fid in ("figure_1", "figure_2", "figure_3", "figure_4"):
        assert f'id="data-{fid}"' in html
    assert "<img" not in html


def test_methodology_carries_this_release_parameters(shared: Path) -> None:
    content = engine_content(shared)
    html = render_pages(content, [], None)["methodology.html"]
    for text in (
        "31 March 2024",
        "30 June 2024",
        "1 April 2023 to 31 March 2024",
        "Cumberland, and Westmorland and Furness",
        "Trustworthiness",
        "Quality",
        "Value",
        "Revisions policy",
        "ILACS without overall effectiveness",
        "Northamptonshire was replaced by North Northamptonshire and West Northamptonshire",
    ):
        assert text in html, text
    assert "3 calendar months" in html


def test_pre_release_list_is_read_from_the_configuration(shared: Path, tmp_path: Path) -> None:
    rows = read_pre_release()
    assert rows and all(role and org for role, org in rows)
    html = render_pages(published_content(shared), [], None)["pre-release-access.html"]
    for role, _org in rows:
        assert role.replace("'", "&#39;") in html
    bad = tmp_path / "pra.csv"
    bad.write_text("role,organisation\nHead of Statistics,\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_pre_release(bad)
    assert "row 2" in str(err.value) and "organisation" in str(err.value)


def test_pages_refuse_text_that_disagrees_with_the_figures(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspection_outcomes.core.sentences import Findings
    from inspection_outcomes.publications.la_outcomes import findings

    real = findings.build_findings

    def wrong(figures: dict, title: str = "") -> Findings:  # type: ignore[type-arg]
        f = real(figures, title)
        f.sections[1].paragraphs[0].sentences[-1].text += " (52)"
        return f

    monkeypatch.setattr(findings, "build_findings", wrong)
    with pytest.raises(ReleaseError, match="52"):
        render_pages(published_content(shared), [], None)
