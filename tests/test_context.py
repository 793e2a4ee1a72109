"""The introduction's context line of each publication comes from documented config (each
paragraph with its source), carries its figures like every sentence, and a wrong row is
refused with one line naming file, row and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_outcomes.core.context import CONTEXT_CSV, read_context
from inspection_outcomes.errors import InputError

HEADER = "release_kind,order,text,values,source\n"


def test_each_publication_has_a_sourced_context() -> None:
    context = read_context(CONTEXT_CSV)
    assert set(context) == {"la", "providers"}
    assert all(p.source for ps in context.values() for p in ps)
    assert context["la"][0].values == {"total": "local_authorities.total"}


def test_the_pages_open_with_it(releases: dict[str, Path]) -> None:
    for name, kind in (("la", "la"), ("providers-2025", "providers")):
        page = (releases[name] / "index.html").read_text(encoding="utf-8")
        first = read_context(CONTEXT_CSV)[kind][0].text.split("{")[0][:40]
        intro = page.index('id="introduction"')
        assert first.replace("’", "’") in page[intro:], name
        assert page.index('id="introduction"') < page.index('id="key-messages"'), name


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("la,1,There are {total} LAs.,,a source", "values"),
        ("la,1,There are {total} LAs.,total=../etc/passwd,a source", "values"),
        ("la,x,Text.,,a source", "order"),
        ("la,1,Text.,,", "source"),
        ("la,1,Text\u202e.,,a source", "text"),
    ],
)
def test_a_wrong_row_is_refused_naming_row_and_field(tmp_path: Path, row: str, field: str) -> None:
    path = tmp_path / "context.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_context(path)
    message = str(e.value)
    assert "context.csv" in message and "row 2" in message and field in message
