"""Geography as Explore Education Statistics (EES) lists it, for the tidy files only.

EES accepts a region or local authority only as a code/name pair from its geography lookups
(model/data/ees_geography.csv, copied from the lookups its data screener reads; SOURCES.md).
Its Regional level is the 9 ONS regions: Ofsted's "North East, Yorkshire and the Humber" is
no EES region, so the tidy files give regional rows by ONS region, found from each LA's ONS
region, and carry Ofsted's region as the `ofsted_region` filter. Pages and spreadsheets keep
Ofsted's regions and the LA names people use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from inspection_outcomes.model.reference import read_table

COUNTRY = ("E92000001", "England")

#: The filter that carries Ofsted's region in tidy files with regional or LA rows.
OFSTED_REGION = "ofsted_region"


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    ofsted_region: str


@dataclass(frozen=True)
class EesLa:
    new_la_code: str
    old_la_code: str
    la_name: str
    region: Region
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def _rows(level: str) -> list[dict[str, str]]:
    return [r for r in read_table("ees_geography.csv") if r["geographic_level"] == level]


@cache
def regions() -> tuple[Region, ...]:
    """The 9 ONS regions of England EES lists (not Inner and Outer London), in code order."""
    return tuple(
        Region(r["code"], r["name"], r["ofsted_region"])
        for r in _rows("Regional")
        if r["code"].startswith("E12")
    )


@cache
def _regions_by_code() -> dict[str, Region]:
    return {r.code: r for r in regions()}


@cache
def _las() -> dict[str, EesLa]:
    out: dict[str, EesLa] = {}
    for r in _rows("Local authority"):
        if r["region_code"] in _regions_by_code():
            out[r["code"]] = EesLa(
                r["code"],
                r["old_la_code"],
                r["name"],
                _regions_by_code()[r["region_code"]],
                date.fromisoformat(r["valid_from"]) if r["valid_from"] else None,
                date.fromisoformat(r["valid_to"]) if r["valid_to"] else None,
            )
    return out


def ees_la(new_la_code: str, on: date | None = None) -> EesLa | None:
    """The LA as EES lists it (code, old code, name, ONS region), or None if EES has no such
    code. With a date, the code in force then: an LA whose GSS code changed (Barnsley and
    Sheffield, E08000016 and E08000019 until 30 April 2025) is listed by the code of its
    date, found among its former codes (model/data/local_authorities.csv)."""
    la = _las().get(new_la_code)
    if on is None or (la is not None and la.valid_on(on)):
        return la
    from inspection_outcomes.model.local_authorities import by_code

    known = by_code().get(new_la_code)
    for code in known.former_gss_codes if known else ():
        former = _las().get(code)
        if former is not None and former.valid_on(on):
            return former
    return la


def region_of_ofsted(ofsted_region: str) -> Region | None:
    """The one ONS region an Ofsted region is (None for "North East, Yorkshire and the
    Humber", which is two)."""
    found = [r for r in regions() if r.ofsted_region == ofsted_region]
    return found[0] if len(found) == 1 else None


def region_named(name: str) -> Region | None:
    """The ONS region of that EES name (as the provider data write it), or None."""
    return next((r for r in regions() if r.name.lower() == name.strip().lower()), None)


@cache
def acceptable(level: str) -> frozenset[tuple[str, ...]]:
    """The code/name combinations EES accepts at a level: (code, name) for "National" and
    "Regional", (old_la_code, new_la_code, la_name) for "Local authority"; with the codes for
    not applicable or unknown ("z") every level accepts."""
    extra = {(r["code"], r["name"]) for r in _rows("Any")}
    if level == "Local authority":
        return frozenset(
            {(r["old_la_code"], r["code"], r["name"]) for r in _rows(level)}
            | {("z", c, n) for c, n in extra}
        )
    return frozenset({(r["code"], r["name"]) for r in _rows(level)} | extra)
