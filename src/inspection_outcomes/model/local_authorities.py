"""The local authorities of England over time: which exist on a date, and who is who.

Structural changes (the methodology's list) are rows with valid_from / valid_to and their
predecessors and successors, so "which LAs exist on 31 March 2024" is a query, not a constant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from inspection_outcomes.model.reference import read_table


@dataclass(frozen=True)
class LocalAuthority:
    la_code: str  # GSS code
    old_la_code: str  # DfE 3-digit code
    ofsted_urn: str
    name: str
    aliases: tuple[str, ...]
    region: str  # one of Ofsted's 8 regions
    valid_from: date | None
    valid_to: date | None
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    former_gss_codes: tuple[str, ...]

    def exists_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(";") if p.strip())


@cache
def all_local_authorities() -> tuple[LocalAuthority, ...]:
    return tuple(
        LocalAuthority(
            la_code=r["la_code"],
            old_la_code=r["old_la_code"],
            ofsted_urn=r["ofsted_urn"],
            name=r["name"],
            aliases=_split(r["aliases"]),
            region=r["region"],
            valid_from=_date(r["valid_from"]),
            valid_to=_date(r["valid_to"]),
            predecessors=_split(r["predecessors"]),
            successors=_split(r["successors"]),
            former_gss_codes=_split(r["former_gss_codes"]),
        )
        for r in read_table("local_authorities.csv")
    )


@cache
def by_code() -> dict[str, LocalAuthority]:
    return {la.la_code: la for la in all_local_authorities()}


def existing_on(day: date) -> tuple[LocalAuthority, ...]:
    """LAs responsible for children's services on that day (153 from 1 April 2023)."""
    return tuple(la for la in all_local_authorities() if la.exists_on(day))


def structural_changes() -> list[tuple[date, LocalAuthority]]:
    """(date, new LA) for every LA created by a structural change, oldest first."""
    return sorted(
        (
            (la.valid_from, la)
            for la in all_local_authorities()
            if la.valid_from and la.predecessors
        ),
        key=lambda p: (p[0], p[1].name),
    )


def normalise_name(text: str) -> str:
    """A comparison key for LA names: case, '&', punctuation, 'city of' and 'borough' ignored."""
    t = text.lower().replace("&", " and ").replace("\u2019", "'")
    t = re.sub(r"[^a-z0-9 ]+", " ", t)
    words = [w for w in t.split() if w not in ("city", "of", "borough", "council", "the")]
    return " ".join(words)


def index_names(las: Iterable[LocalAuthority]) -> dict[str, tuple[LocalAuthority, ...]]:
    """Each name and alias, as normalise_name keys it, with the LAs that bear it."""
    index: dict[str, list[LocalAuthority]] = {}
    for la in las:
        for n in (la.name, *la.aliases):
            key = normalise_name(n)
            if la not in index.setdefault(key, []):
                index[key].append(la)
    return {k: tuple(v) for k, v in index.items()}


@cache
def _name_index() -> dict[str, tuple[LocalAuthority, ...]]:
    return index_names(all_local_authorities())


def one_of(candidates: tuple[LocalAuthority, ...], on: date | None) -> LocalAuthority | None:
    """The one LA of those sharing a name (the one existing on the date, where given)."""
    if on is not None and len(candidates) > 1:
        candidates = tuple(la for la in candidates if la.exists_on(on)) or candidates
    return candidates[0] if len(candidates) == 1 else None


def resolve(name: str, on: date | None = None) -> LocalAuthority | None:
    """The LA a name refers to (on a date, where two LAs shared a name); None if unknown."""
    return one_of(_name_index().get(normalise_name(name), ()), on)


def code_matches(la: LocalAuthority, code: str) -> bool:
    """Whether a code is the LA's GSS code, a former GSS code, old 3-digit code or Ofsted URN."""
    return code in (la.la_code, la.old_la_code, la.ofsted_urn, *la.former_gss_codes)


def resolve_code(code: str) -> LocalAuthority | None:
    """An LA by its GSS code, former GSS code, old 3-digit code or Ofsted URN."""
    code = code.strip()
    return next((la for la in all_local_authorities() if code_matches(la, code)), None)
