"""Every page of the LA release and of the providers releases (2025 from the ODS, 2024 from
the CSV) leads somewhere: each href and src of every page, and each url() of the stylesheets,
names a file the release holds, and each #fragment an element of its page. The index and the
methodology link to both spreadsheets and to every data file written. And no published text
shows the project's internals: no file paths, code names or rule jargon."""

from __future__ import annotations

import csv
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

OUTCOMES = [sys.executable, "-m", "inspection_outcomes"]


#: A code name (snake_case) that is not a file name, a path of the package, a module.
CODE_NAME = re.compile(
    r"(?<![\w./-])[a-z]+(?:_[a-z0-9]+)+(?![\w.]*\.(?:csv|md|ods|xlsx|json|svg))\b"
)
INTERNAL = re.compile(
    r"\b(?:model|src|store|sources|publications|core)/[\w/.]+|\b\w+\.py\b|rule says"
)
#: The QA report is for the producer and assurer: it names records' fields as the source does.
NOT_PUBLISHED_TEXT = {"quality-assurance.html"}


class _Text(HTMLParser):
    """A page's visible text (not its scripts, styles or code)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style", "code")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style", "code")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def published_texts(folder: Path) -> dict[str, str]:
    """Every text a reader reads, by file: pages' visible text, the Govspeak, the data
    guidance (its `code` spans, which name columns, left out) and the metadata's labels,
    hints and descriptions (not the column names themselves)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.suffix == ".html" and path.name not in NOT_PUBLISHED_TEXT:
            parser = _Text()
            parser.feed(path.read_text(encoding="utf-8"))
            out[name] = " ".join(parser.parts)
        elif path.suffix == ".md":
            out[name] = re.sub(r"`[^`]*`", "", path.read_text(encoding="utf-8"))
        elif path.name.endswith(".meta.csv"):
            with path.open(encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
            keep = ("label", "description", "filter_hint")
            out[name] = " ".join(r.get(k) or "" for r in rows for k in keep)
    return out


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        for name in ("href", "src"):
            if a.get(name):
                self.refs.append(str(a[name]))


def _parse(path: Path) -> _Refs:
    p = _Refs()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def _broken_ref(folder: Path, page: Path, ref: str, ids: dict[Path, set[str]]) -> str | None:
    """Why a page's reference leads nowhere (None: it leads to a file, and id, it holds)."""
    parts = urlsplit(ref)
    where = f"{page.relative_to(folder)}: {ref}"
    if parts.scheme == "mailto":
        return None if ref.endswith("@ofsted.gov.uk") else f"{where} (not the publisher's)"
    if parts.scheme:
        return None if parts.scheme == "https" else f"{where} (not https)"
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if not target.is_file():
        return where
    if parts.fragment and target.suffix == ".html" and parts.fragment not in ids[target]:
        return f"{where} (no such id)"
    return None


@pytest.mark.parametrize("name", ["la", "providers-2025", "providers-2024"])
def test_every_href_and_src_leads_to_what_the_release_holds(
    releases: dict[str, Path], name: str
) -> None:
    folder = releases[name]
    pages = sorted(folder.rglob("*.html"))
    assert pages
    ids = {p.resolve(): _parse(p).ids for p in pages}
    broken = [
        why
        for page in pages
        for ref in _parse(page).refs
        if (why := _broken_ref(folder, page, ref, ids))
    ]
    for css in folder.glob("assets/*.css"):
        for ref in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            ref = ref.strip("'\"")
            if not ref.startswith("data:") and not (css.parent / ref).is_file():
                broken.append(f"{css.name}: {ref}")
    assert broken == []


@pytest.mark.parametrize("name", ["la", "providers-2025", "providers-2024"])
@pytest.mark.parametrize("page", ["index.html", "methodology.html"])
def test_index_and_methodology_link_to_every_data_file(
    releases: dict[str, Path], name: str, page: str
) -> None:
    folder = releases[name]
    refs = set(_parse(folder / page).refs)
    expected = {"underlying-data.ods", "underlying-data.xlsx"} | {
        f"data/{p.name}" for p in (folder / "data").iterdir()
    }
    assert len(expected) > 4
    assert expected <= refs, sorted(expected - refs)


@pytest.mark.parametrize("name", ["la", "providers-2025", "providers-2024"])
def test_no_internals_in_published_text(releases: dict[str, Path], name: str) -> None:
    texts = published_texts(releases[name])
    assert any(k.endswith(".md") for k in texts) and any(k.endswith(".html") for k in texts)
    found = {
        file: sorted(set(CODE_NAME.findall(text)) | set(INTERNAL.findall(text)))
        for file, text in texts.items()
    }
    assert {f: hits for f, hits in found.items() if hits} == {}


def test_the_internals_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "data_guidance.md").write_text(
        "Counted as local_authority (model/data/la_trusts.csv); `time_period` is a column.",
        encoding="utf-8",
    )
    [text] = published_texts(tmp_path).values()
    assert CODE_NAME.findall(text) == ["local_authority"]
    assert INTERNAL.findall(text) == ["model/data/la_trusts.csv"]


def test_figures_come_in_ofsted_2025_order(releases: dict[str, Path]) -> None:
    """Overall effectiveness over time, by region, the map, the sub-judgements (the
    focused-visit themes last, where the source holds visits); numbered in that order, and
    the annex follows it."""
    page = (releases["la"] / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<figure class="app-figure" id="figure-([a-z_0-9]+)"', page)
    assert ids == ["figure_1", "figure_2", "map_overall_effectiveness", "figure_3"]
    captions = re.findall(r"<figcaption[^>]*>Figure (\d+): ([^<]*)", page)
    assert [int(n) for n, _ in captions] == [1, 2, 3, 4]
    assert "by region" in captions[1][1] and "map" in captions[2][1]
    assert "sub-judgements" in captions[3][1]
    annex = re.findall(r'<table class="govuk-table" id="data-([a-z_0-9]+)"', page)
    assert annex == ids
