"""Text from the sources: what an input field may hold, and how each output makes it inert.

Every field of every input may be hostile: scraped CSVs, spreadsheets and report PDFs are
written by others. HTML is escaped by the pages' one template environment (autoescape on);
the rules here cover the rest, in one place for every layer:

* `plain_text`: a field published as found (a name, evidence, configuration) must hold no
  control character or Unicode control of text direction, which would hide or reorder the
  text around it, and must not be absurdly long; otherwise it is refused (file, row, field).
* `shown`: where a value is shown although it may hold such characters (an anomaly's value,
  kept exactly as the source wrote it), they appear as their code points (``⟨U+202E⟩``).
* `csv_cell`: a text cell of a published CSV that a spreadsheet would read as a formula
  (first character ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading
  apostrophe, as OWASP's guidance on CSV injection advises; numbers keep their sign.
  `csv_cell_read` undoes it for files the project reads back (a corrections ledger).
* `publisher_link`: an address taken from a source is written as a link only when it is an
  https address on Ofsted's own domain; anything else is not a link.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from inspection_outcomes.errors import InputError

#: C0 and C1 controls (but tab, line feed and carriage return), and the Unicode controls of
#: text direction and invisible formatting.
HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029"
    "\u202a-\u202e\u2060-\u2069\ufeff]"
)
#: The longest text field a source may hold (names, grades, dates, evidence: the longest in
#: the real files is under 300 characters).
MAX_FIELD_CHARS = 2000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
#: The publisher's own domain: the only host a link from a source may point to.
PUBLISHER_DOMAIN = "ofsted.gov.uk"


def too_long(value: str) -> str | None:
    """Why a field is refused for its length, or None."""
    if len(value) > MAX_FIELD_CHARS:
        return f"a value of at most {MAX_FIELD_CHARS:,} characters expected (found {len(value):,})"
    return None


def plain_text(
    value: str, *, file: str | Path | None = None, row: int | None = None, field: str | None = None
) -> str:
    """The value, when it holds no hidden character and is not too long; else an InputError."""
    problem = too_long(value)
    m = HIDDEN.search(value)
    if problem is None and m is not None:
        problem = (
            f"text without control characters expected (found U+{ord(m.group()):04X} "
            f"at character {m.start() + 1})"
        )
    if problem is not None:
        raise InputError(problem, file=file, row=row, field=field)
    return value


def shown(text: str) -> str:
    """Text with its hidden characters made visible as code points."""
    return HIDDEN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def _formula_like(text: str) -> bool:
    """Starts (after any apostrophes a defused cell has) as a formula would, and is no number."""
    bare = text.lstrip("'")
    return bare.startswith(FORMULA_PREFIXES) and not _NUMBER.fullmatch(bare)


def csv_cell(value: Any) -> Any:
    """A value for a published CSV: formula-like text defused, everything else unchanged.

    A value that already starts with an apostrophe before such a character gets one more,
    so `csv_cell_read` gives every value back exactly.
    """
    if isinstance(value, str) and _formula_like(value):
        return "'" + value
    return value


def csv_cell_read(text: str) -> str:
    """The value `csv_cell` was given, from the cell it wrote (for files read back)."""
    return text[1:] if text.startswith("'") and _formula_like(text) else text


def csv_text(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """A published CSV file's text: one header row, every cell through `csv_cell`."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([csv_cell(h) for h in header])
    w.writerows([csv_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def publisher_link(url: str | None) -> str | None:
    """The address when it is https on the publisher's domain, else None (not a link)."""
    if not url or url != url.strip() or HIDDEN.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or port is not None or parts.username or parts.password:
        return None
    if host != PUBLISHER_DOMAIN and not host.endswith("." + PUBLISHER_DOMAIN):
        return None
    return url
