"""The context line of each publication's introduction (what the release covers and why),
from documented config: config/release_context.csv, one row per paragraph with its source.

A paragraph's figures are named placeholders (``{total}``, ``{as_at:date}``) bound to paths
of the figures dict in its `values` column (``total=local_authorities.total``), so that the
sentences carry their numbers like every other sentence of the text and are checked with it.
The file is input like any other: plain text, and every placeholder bound.
"""

from __future__ import annotations

import csv
import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from inspection_outcomes.errors import InputError
from inspection_outcomes.safe_text import plain_text

CONTEXT_CSV = Path(__file__).resolve().parents[1] / "config" / "release_context.csv"
COLUMNS = ("release_kind", "order", "text", "values", "source")
_PATH = re.compile(r"[a-z_][a-z0-9_]*(?:\.[a-z0-9_-]+)*")


@dataclass(frozen=True)
class ContextParagraph:
    text: str  # with {name} or {name:format} placeholders
    values: dict[str, str]  # placeholder name -> path in the figures
    source: str


@cache
def read_context(path: Path = CONTEXT_CSV) -> dict[str, tuple[ContextParagraph, ...]]:
    """Each release kind's context paragraphs in order; a clear error otherwise."""
    out: dict[str, list[tuple[int, ContextParagraph]]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = set(COLUMNS) - set(reader.fieldnames or [])
        if missing:
            raise InputError(
                f"columns {list(COLUMNS)} expected, missing {sorted(missing)}", file=path, row=1
            )
        for i, r in enumerate(reader, start=2):
            cells = {k: (r.get(k) or "").strip() for k in COLUMNS}
            for k, v in cells.items():
                plain_text(v, file=path, row=i, field=k)
            for k in ("release_kind", "text", "source"):
                if not cells[k]:
                    raise InputError("a non-empty value expected", file=path, row=i, field=k)
            if not cells["order"].isdigit():
                raise InputError("a whole number expected", file=path, row=i, field="order")
            values = _values(cells["values"], path, i)
            names = {f for _, f, _, _ in string.Formatter().parse(cells["text"]) if f}
            if names != set(values):
                raise InputError(
                    f"each placeholder bound to a figure expected: placeholders {sorted(names)}, "
                    f"bound {sorted(values)}",
                    file=path,
                    row=i,
                    field="values",
                )
            paragraph = ContextParagraph(cells["text"], values, cells["source"])
            out.setdefault(cells["release_kind"], []).append((int(cells["order"]), paragraph))
    return {k: tuple(p for _, p in sorted(v, key=lambda t: t[0])) for k, v in out.items()}


def _values(text: str, path: Path, row: int) -> dict[str, str]:
    values = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        name, sep, figure = part.partition("=")
        if not sep or not name.isidentifier() or not _PATH.fullmatch(figure):
            raise InputError(
                f"name=path expected, found {part!r}", file=path, row=row, field="values"
            )
        values[name] = figure
    return values


def context_of(release_kind: str) -> tuple[ContextParagraph, ...]:
    return read_context().get(release_kind, ())
