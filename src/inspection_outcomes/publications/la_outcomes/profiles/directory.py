"""The LAs a source knows, and finding one by what a person types: a name (case and
punctuation forgiving), a GSS code, an old LA code or an Ofsted URN.

A source with its own LA table (a simulated country) is looked up in that table; every other
source in the package's table of LAs over time (model/data/local_authorities.csv).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from inspection_outcomes.errors import InputError
from inspection_outcomes.model.local_authorities import (
    LocalAuthority,
    all_local_authorities,
    code_matches,
    index_names,
    normalise_name,
    one_of,
)
from inspection_outcomes.store.inspections import Warehouse

#: How many near names an unknown name is answered with.
SUGGESTIONS = 3


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").split(";") if p.strip())


def _day(value: object) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _read_la_table(wh: Warehouse, path: Path) -> tuple[LocalAuthority, ...]:
    """A source's own LA table (Parquet or CSV), read as text; aliases and former codes are
    optional columns."""
    p = str(path).replace("'", "''")
    scan = (
        f"read_parquet('{p}')"
        if path.suffix.lower() == ".parquet"
        else f"read_csv('{p}', header=true, all_varchar=true)"
    )
    rows = wh.rows(f"SELECT * FROM {scan}")
    return tuple(
        LocalAuthority(
            la_code=str(r["la_code"]),
            old_la_code=str(r.get("old_la_code") or ""),
            ofsted_urn=str(r.get("ofsted_urn") or ""),
            name=str(r["name"]),
            aliases=_split(r.get("aliases")),
            region=str(r.get("region") or ""),
            valid_from=_day(r.get("valid_from")),
            valid_to=_day(r.get("valid_to")),
            predecessors=_split(r.get("predecessors")),
            successors=_split(r.get("successors")),
            former_gss_codes=_split(r.get("former_gss_codes")),
        )
        for r in rows
    )


@dataclass(frozen=True)
class LaDirectory:
    """Every LA of a source's LA table, by code and by name."""

    las: tuple[LocalAuthority, ...]

    @classmethod
    def of(cls, wh: Warehouse) -> LaDirectory:
        table = wh.source.la_table
        return cls(_read_la_table(wh, table) if table is not None else all_local_authorities())

    @cached_property
    def by_code(self) -> dict[str, LocalAuthority]:
        return {la.la_code: la for la in self.las}

    @cached_property
    def _names(self) -> dict[str, tuple[LocalAuthority, ...]]:
        return index_names(self.las)

    def code(self, text: str) -> LocalAuthority | None:
        """An LA by any of its codes (GSS, former GSS, old LA code, Ofsted URN)."""
        text = text.strip()
        exact = self.by_code.get(text) or self.by_code.get(text.upper())
        if exact is not None:
            return exact
        return next(
            (la for la in self.las if code_matches(la, text) or code_matches(la, text.upper())),
            None,
        )

    def find(self, text: str, on: date) -> LocalAuthority:
        """The LA the text names (the one existing on the date where two shared a name); an
        InputError naming the nearest names when none does."""
        found = self.code(text)
        if found is not None:
            return found
        candidates = self._names.get(normalise_name(text), ())
        chosen = one_of(candidates, on)
        if chosen is not None:
            return chosen
        if candidates:
            listed = ", ".join(f"{la.name} ({la.la_code})" for la in candidates)
            raise InputError(
                f"'{text}' names more than one local authority: {listed}; give its GSS code"
            )
        near = difflib.get_close_matches(
            normalise_name(text), list(self._names), n=SUGGESTIONS, cutoff=0.6
        )
        names = list(dict.fromkeys(la.name for key in near for la in self._names[key]))
        hint = (
            f"did you mean {' or '.join(names)}?"
            if names
            else "give a name, a GSS code, an old LA code or an Ofsted URN"
        )
        raise InputError(f"no local authority '{text}' ({hint})")
