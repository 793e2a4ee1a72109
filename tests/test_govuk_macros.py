"""The GOV.UK Frontend macros (core/templates/govuk.html.j2) against govuk-frontend itself:
each renders the examples of the package's own fixtures.json as its template.njk does, and
text from input is escaped wherever it goes."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from markupsafe import Markup

from inspection_outcomes.core.pages import PACKAGE, environment, find_govuk_frontend

#: govuk-frontend's components the pages use, and their macros.
MACROS = {
    "details": "govukDetails",
    "footer": "govukFooter",
    "generic-header": "govukGenericHeader",
    "inset-text": "govukInsetText",
    "service-navigation": "govukServiceNavigation",
    "skip-link": "govukSkipLink",
    "summary-list": "govukSummaryList",
    "table": "govukTable",
    "warning-text": "govukWarningText",
}

#: Options of govuk-frontend the pages do not use and the macros leave out.
LEFT_OUT = {
    "footer": {"meta", "navigation"},
    "service-navigation": {"slots"},
    "summary-list": {"card", "actions"},
}

#: Options that carry markup: in a fixture, markup its author wrote (Markup to the macros).
HTML_OPTIONS = {"html", "summaryHtml", "logoHtml"}


def render(macro: str, params: Any) -> str:
    template = environment().from_string(
        f'{{% from "core/templates/govuk.html.j2" import {macro} %}}{{{{ {macro}(params) }}}}'
    )
    return template.render(params=params)


def _options(value: Any) -> set[str]:
    """Every option name used, at any depth."""
    if isinstance(value, dict):
        return set(value) | {n for v in value.values() for n in _options(v)}
    if isinstance(value, list):
        return {n for v in value for n in _options(v)}
    return set()


def _as_markup(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: Markup(v) if k in HTML_OPTIONS and isinstance(v, str) else _as_markup(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_as_markup(v) for v in value]
    return value


#: Elements without an end tag (and the footer logo's path, closed by "/>").
VOID = frozenset({"img", "br", "hr", "input", "meta", "link", "path"})


class _Tree(HTMLParser):
    """A page fragment as nested (tag, attributes, children), text with its spaces collapsed.

    Left out, as the macros leave them out: data-module attributes (the pages load no script)
    and svg images (the footer's logos)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list[Any] = []
        self.stack: list[list[Any]] = [self.root]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping or tag == "svg":
            self.skipping += tag not in VOID
            return
        node: list[Any] = []
        kept = sorted((k, " ".join((v or "").split())) for k, v in attrs if k != "data-module")
        self.stack[-1].append((tag, tuple(kept), node))
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.skipping:
            self.skipping -= 1
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and not self.skipping:
            self.stack[-1].append(text)


def tree(html: str) -> list[Any]:
    t = _Tree()
    t.feed(html)
    t.close()
    return t.root


def _fixtures() -> list[tuple[str, str, dict[str, Any], str]]:
    out = []
    for component in sorted(MACROS):
        path = find_govuk_frontend() / "components" / component / "fixtures.json"
        for f in json.loads(path.read_text(encoding="utf-8"))["fixtures"]:
            if not _options(f["options"]) & LEFT_OUT.get(component, set()):
                out.append((component, f["name"], f["options"], f["html"]))
    return out


FIXTURES = _fixtures()


@pytest.mark.parametrize(
    "component, name, options, html", FIXTURES, ids=[f"{c}: {n}" for c, n, _, _ in FIXTURES]
)
def test_macro_renders_govuk_frontends_example(
    component: str, name: str, options: dict[str, Any], html: str
) -> None:
    got = render(MACROS[component], _as_markup(options))
    assert tree(got) == tree(html)


def test_every_component_is_checked_on_its_examples() -> None:
    """The options left out do not leave a component unchecked."""
    for component in MACROS:
        assert sum(1 for c, *_ in FIXTURES if c == component) >= 5, component


HOSTILE = '<script>alert(1)</script>"'


@pytest.mark.parametrize(
    "macro, params",
    [
        (
            "govukTable",
            {
                "caption": HOSTILE,
                "head": [{"text": HOSTILE}],
                "rows": [[{"text": HOSTILE}, {"html": HOSTILE}]],
            },
        ),
        ("govukSummaryList", {"rows": [{"key": {"text": HOSTILE}, "value": {"html": HOSTILE}}]}),
        ("govukDetails", {"summaryText": HOSTILE, "html": HOSTILE}),
        ("govukDetails", {"summaryHtml": HOSTILE, "text": HOSTILE}),
        ("govukWarningText", {"text": HOSTILE, "iconFallbackText": HOSTILE}),
        ("govukInsetText", {"html": HOSTILE, "id": HOSTILE}),
        (
            "govukServiceNavigation",
            {
                "serviceName": HOSTILE,
                "serviceUrl": HOSTILE,
                "navigation": [{"href": HOSTILE, "html": HOSTILE, "current": True}],
            },
        ),
        ("govukSkipLink", {"href": HOSTILE, "html": HOSTILE}),
        ("govukGenericHeader", {"url": HOSTILE, "logoHtml": HOSTILE}),
        ("govukFooter", {"contentLicence": {"html": HOSTILE}, "copyright": {"text": HOSTILE}}),
    ],
)
def test_text_is_escaped_even_given_as_html(macro: str, params: dict[str, Any]) -> None:
    """Only Markup (what a template built) is written as markup: a plain string is text."""
    got = render(macro, params)
    assert "<script>" not in got and "&lt;script&gt;alert(1)&lt;/script&gt;&#34;" in got


def test_markup_a_template_built_is_written_as_markup() -> None:
    got = render("govukInsetText", {"html": Markup('See the <a href="#x">policy</a>.')})
    assert got == '<div class="govuk-inset-text">See the <a href="#x">policy</a>.</div>'


def test_pages_write_these_components_only_through_the_macros() -> None:
    """No other template, nor the Python behind the pages, writes a component's markup."""
    names = "|".join(re.escape(c) for c in MACROS)
    by_hand = re.compile(rf'(?<![\w-])class="[^"]*\bgovuk-(?:{names})\b')
    files = [*PACKAGE.rglob("*.j2"), *PACKAGE.rglob("*.py")]
    assert any(p.name == "qa_report.html.j2" for p in files)
    for path in files:
        if path.name != "govuk.html.j2":
            text = path.read_text(encoding="utf-8")
            assert not by_hand.search(text), f"{path.relative_to(PACKAGE)}: {by_hand.findall(text)}"
