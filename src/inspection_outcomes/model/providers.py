"""Canonical records of social care providers (Ofsted's provider-level data) and their groups.

Three canonical tables come from a provider-level source:

- ``providers``: one row per provider in a provider-level list "as at" a date, with its latest
  full inspection (``PROVIDER_SCHEMA``); the ``register`` table (providers and places) has the
  same columns, with the inspection columns empty.
- ``provider_events``: one row per inspection or visit in a period (``EVENT_SCHEMA``).
- ``joiners_leavers``: providers that joined or left the register in a period
  (``JOINER_LEAVER_SCHEMA``).

No name, address, postcode or owner organisation is ever held: the adapter reads the owner
organisation only to set ``la_trust`` (see ``SectorRule``) and drops it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from typing import Final

from inspection_outcomes.model.reference import read_table
from inspection_outcomes.model.scale import (
    JUDGEMENTS,
    SUPPORTED_ACCOMMODATION_JUDGEMENTS,
    parse_grade,
)

#: (column, DuckDB type, meaning) of the providers and register tables, in canonical order.
PROVIDER_SCHEMA: tuple[tuple[str, str, str], ...] = (
    ("urn", "VARCHAR", "Ofsted unique reference number of the provider"),
    ("provision_type", "VARCHAR", "Provision type key (model/data/provider_groups.csv)"),
    ("registration_date", "DATE", "Date the provider was registered"),
    ("registration_status", "VARCHAR", "active, suspended, resigned, cancelled or closed"),
    (
        "sector",
        "VARCHAR",
        "Sector as recorded: private, local_authority, voluntary, academy, health_authority",
    ),
    (
        "la_trust",
        "BOOLEAN",
        "Owner is a trust or other body running children's services for an "
        "LA (model/data/la_trusts.csv); counted as local_authority under trusts_as_la",
    ),
    ("ofsted_region", "VARCHAR", "Ofsted region (8 regions; 'Wales' for the few providers there)"),
    ("local_authority", "VARCHAR", "Local authority area the provider is in"),
    ("places", "INTEGER", "Registered places, where the provision type has them"),
    ("sa_premises", "INTEGER", "Supported accommodation premises, for supported accommodation"),
    ("short_break_only", "BOOLEAN", "Children's home offering short breaks only"),
    ("multi_building", "BOOLEAN", "Children's home of more than one building"),
    (
        "latest_event_type",
        "VARCHAR",
        "Event type of the latest full inspection "
        "(full_inspection; a monitoring_inspection where Ofsted's data record one as the latest "
        "full inspection)",
    ),
    ("latest_inspection_date", "DATE", "Date of the latest full inspection"),
    ("latest_publication_date", "DATE", "Date its report was published"),
    ("latest_event_number", "VARCHAR", "Ofsted's event number of that inspection"),
    (
        "overall",
        "VARCHAR",
        "Overall experiences and progress of children and young people: "
        "outstanding, good, requires_improvement, inadequate",
    ),
    (
        "help_and_protection",
        "VARCHAR",
        "How well children and young people are helped and protected (same scale)",
    ),
    ("leaders_and_managers", "VARCHAR", "The effectiveness of leaders and managers (same scale)"),
    (
        "previous_inspection_date",
        "DATE",
        "Date of the full inspection before the latest, where the data give it",
    ),
    (
        "previous_overall",
        "VARCHAR",
        "Overall experiences and progress at that previous full inspection (four-point scale)",
    ),
    (
        "sa_outcome",
        "VARCHAR",
        "Supported accommodation's own scale: consistently_strong, "
        "inconsistent_quality, serious_or_widespread_weaknesses",
    ),
    ("source_file", "VARCHAR", "File the record was read from (name only)"),
    ("source_table", "VARCHAR", "Sheet (or 'csv') of that file"),
    ("source_row", "INTEGER", "Row of the sheet, 1-based as a spreadsheet numbers it"),
)

#: (column, DuckDB type, meaning) of the inspection events table.
EVENT_SCHEMA: tuple[tuple[str, str, str], ...] = (
    ("urn", "VARCHAR", "Ofsted unique reference number of the provider"),
    ("provision_type", "VARCHAR", "Provision type key"),
    ("registration_status", "VARCHAR", "Registration status when the data were extracted"),
    ("sector", "VARCHAR", "Sector as recorded"),
    ("la_trust", "BOOLEAN", "Owner runs children's services for an LA (see providers)"),
    ("ofsted_region", "VARCHAR", "Ofsted region"),
    ("local_authority", "VARCHAR", "Local authority area"),
    (
        "event_type",
        "VARCHAR",
        "full_inspection, monitoring_inspection, assurance_visit, "
        "interim_inspection or another key made from the source's wording",
    ),
    ("inspection_date", "DATE", "Date of the inspection or visit"),
    ("publication_date", "DATE", "Date its report or letter was published"),
    ("event_number", "VARCHAR", "Ofsted's event number"),
    ("overall", "VARCHAR", "Overall experiences and progress (four-point scale), if graded"),
    ("help_and_protection", "VARCHAR", "How well children are helped and protected"),
    ("leaders_and_managers", "VARCHAR", "The effectiveness of leaders and managers"),
    ("sa_outcome", "VARCHAR", "Supported accommodation outcome (its own scale)"),
    ("source_file", "VARCHAR", "File the record was read from (name only)"),
    ("source_table", "VARCHAR", "Sheet of that file"),
    ("source_row", "INTEGER", "Row of the sheet, 1-based"),
)

#: (column, DuckDB type, meaning) of the joiners and leavers table.
JOINER_LEAVER_SCHEMA: tuple[tuple[str, str, str], ...] = (
    ("urn", "VARCHAR", "Ofsted unique reference number of the provider"),
    ("provision_type", "VARCHAR", "Provision type key"),
    ("sector", "VARCHAR", "Sector as recorded"),
    ("la_trust", "BOOLEAN", "Always false: the joiners and leavers table names no owner"),
    ("ofsted_region", "VARCHAR", "Ofsted region"),
    ("local_authority", "VARCHAR", "Local authority area"),
    ("places", "INTEGER", "Registered places"),
    ("joiner", "BOOLEAN", "Became active in the period"),
    ("leaver", "BOOLEAN", "Left the register in the period"),
    ("source_file", "VARCHAR", "File the record was read from (name only)"),
    ("source_table", "VARCHAR", "Sheet of that file"),
    ("source_row", "INTEGER", "Row of the sheet, 1-based"),
)

#: The columns of the canonical provider table (kept as SCHEMA for symmetry with model.events).
SCHEMA = PROVIDER_SCHEMA

#: Ofsted's provider groups in the order its tables present them.
GROUPS: Final = (
    "all_providers",
    "all_childrens_homes",
    "childrens_homes",
    "residential_special_schools_registered_as_childrens_homes",
    "secure_childrens_homes",
    "independent_fostering_agencies",
    "voluntary_adoption_agencies",
    "residential_special_schools",
    "boarding_schools",
    "residential_family_centres",
    "adoption_support_agencies",
    "further_education_colleges_with_residential_accommodation",
    "residential_holiday_schemes_for_disabled_children",
    "secure_training_centres",
    "supported_accommodation",
)

#: Groups judged on supported accommodation's own scale.
SA_GROUPS: Final = ("supported_accommodation",)

#: Where a provider is, as Ofsted's data say: its 8 regions (model/data/regions.csv), and Wales
#: for the few providers registered in England that sit there.
PROVIDER_REGIONS: Final = (*(r["region"] for r in read_table("regions.csv")), "Wales")
SECTORS: Final = ("private", "local_authority", "voluntary", "academy", "health_authority")

#: Names of the columns a source may hold that identify a provider or its owner. They are
#: never read into records, logs or messages.
SENSITIVE_HEADERS: Final = frozenset(
    {
        "name",
        "provider name",
        "setting name",
        "address 1",
        "address 2",
        "address 3",
        "town",
        "county",
        "postcode",
        "organisation which owns the provider",
        "organisation name",
        "web link",
    }
)


@dataclass
class ProviderRecord:
    urn: str
    provision_type: str
    registration_date: date | None
    registration_status: str | None
    sector: str | None
    la_trust: bool
    ofsted_region: str | None
    local_authority: str | None
    places: int | None
    sa_premises: int | None
    short_break_only: bool
    multi_building: bool
    latest_event_type: str | None
    latest_inspection_date: date | None
    latest_publication_date: date | None
    latest_event_number: str | None
    overall: str | None
    help_and_protection: str | None
    leaders_and_managers: str | None
    previous_inspection_date: date | None
    previous_overall: str | None
    sa_outcome: str | None
    source_file: str
    source_table: str
    source_row: int

    def as_row(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


@dataclass
class ProviderEvent:
    urn: str
    provision_type: str
    registration_status: str | None
    sector: str | None
    la_trust: bool
    ofsted_region: str | None
    local_authority: str | None
    event_type: str | None
    inspection_date: date | None
    publication_date: date | None
    event_number: str | None
    overall: str | None
    help_and_protection: str | None
    leaders_and_managers: str | None
    sa_outcome: str | None
    source_file: str
    source_table: str
    source_row: int

    def as_row(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


@dataclass
class JoinerLeaver:
    urn: str
    provision_type: str
    sector: str | None
    la_trust: bool
    ofsted_region: str | None
    local_authority: str | None
    places: int | None
    joiner: bool
    leaver: bool
    source_file: str
    source_table: str
    source_row: int

    def as_row(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


#: Registration statuses of a provider on the register (a suspended one stays registered).
ON_REGISTER = ("active", "suspended")


def joiners_and_leavers_between(
    earlier: Sequence[ProviderRecord], later: Sequence[ProviderRecord]
) -> list[JoinerLeaver]:
    """Joiners and leavers found by comparing two complete registers: a joiner is on the
    later register and not the earlier, a leaver on the earlier and not the later (with the
    places it had). A provider that joined and left between the two dates is on neither, so
    this counts fewer than a table of status changes through the year (as Ofsted's own)."""

    def listed(register: Sequence[ProviderRecord]) -> dict[str, ProviderRecord]:
        return {
            r.urn: r
            for r in register
            if r.registration_status is None or r.registration_status in ON_REGISTER
        }

    before, after = listed(earlier), listed(later)

    def row(r: ProviderRecord, joiner: bool) -> JoinerLeaver:
        return JoinerLeaver(
            urn=r.urn,
            provision_type=r.provision_type,
            sector=r.sector,
            la_trust=r.la_trust,
            ofsted_region=r.ofsted_region,
            local_authority=r.local_authority,
            places=r.places,
            joiner=joiner,
            leaver=not joiner,
            source_file=r.source_file,
            source_table=r.source_table,
            source_row=r.source_row,
        )

    return [row(r, True) for u, r in sorted(after.items()) if u not in before] + [
        row(r, False) for u, r in sorted(before.items()) if u not in after
    ]


def ddl(table: str, schema: tuple[tuple[str, str, str], ...]) -> str:
    """CREATE TABLE statement for one of the canonical provider tables."""
    cols = ",\n    ".join(f"{name} {typ}" for name, typ, _ in schema)
    return f"CREATE TABLE {table} (\n    {cols}\n)"


def _squash(text: str) -> str:
    """Lower case, no apostrophes, runs of other non-alphanumerics as one space."""
    t = text.replace("\u2019", "").replace("'", "").lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", t).split())


def key_of(text: str) -> str:
    """A snake_case key from a label: "Children's Home" -> 'childrens_home'."""
    return _squash(text).replace(" ", "_")


@cache
def _provision_types() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_table("provider_groups.csv"):
        for label in [row["provision_type"], row["label"], *row["source_labels"].split(";")]:
            out[key_of(label)] = row["provision_type"]
    return out


def provision_type_key(text: str) -> str | None:
    """The provision type key of a label in any capitalisation; None when unknown."""
    return _provision_types().get(key_of(text))


@cache
def group_members() -> tuple[tuple[str, str], ...]:
    """(provision_type, group) pairs, from model/data/provider_groups.csv."""
    return tuple(
        (row["provision_type"], g)
        for row in read_table("provider_groups.csv")
        for g in row["groups"].split(";")
    )


def sector_key(text: str) -> str | None:
    """'Local Authority' -> 'local_authority'; None for an empty cell or an unknown sector."""
    k = key_of(text)
    return k if k in SECTORS else None


def event_type_key(text: str) -> str | None:
    """'Full Inspection' -> 'full_inspection'; None for an empty cell."""
    k = key_of(text)
    return k or None


def overall_key(text: str) -> str | None:
    """A four-point judgement key, or None when the cell is empty or not a judgement."""
    return parse_grade(text) if text.strip() else None


def sa_outcome_key(text: str) -> str | None:
    """'Consistently strong service delivery' -> 'consistently_strong', etc."""
    t = _squash(text)
    if not t:
        return None
    for key in SUPPORTED_ACCOMMODATION_JUDGEMENTS:
        if t.startswith(key.replace("_", " ")):
            return key
    return None


# --- the sector rule -------------------------------------------------------------------------

SECTOR_RULES: Final = ("trusts_as_la", "as_recorded")


@dataclass(frozen=True)
class SectorRule:
    """Which sector a provider counts in for analysis.

    Ofsted's methodology: some children's homes are run by trusts or other alternative delivery
    bodies on behalf of an LA; its analysis treats them as LA homes while its data record them
    as voluntary. ``trusts_as_la`` (the default, as Ofsted's analysis does) counts a provider
    recorded as voluntary whose owner is listed in model/data/la_trusts.csv as local_authority;
    ``as_recorded`` keeps the sector of the data.
    """

    name: str = "trusts_as_la"

    def __post_init__(self) -> None:
        if self.name not in SECTOR_RULES:
            raise ValueError(f"sector rule must be one of {', '.join(SECTOR_RULES)}")

    @property
    def trusts_as_la(self) -> bool:
        return self.name == "trusts_as_la"

    def describe(self) -> str:
        if self.trusts_as_la:
            return (
                "children's homes recorded as voluntary whose owner is a trust or other body "
                "running children's services on behalf of an LA are counted in the local "
                "authority sector, as in Ofsted's analysis"
            )
        return "every provider is counted in the sector the data record"


@cache
def _trust_patterns() -> tuple[str, ...]:
    return tuple(row["match"] for row in read_table("la_trusts.csv"))


def is_la_trust(owner: str) -> bool:
    """Whether an owner organisation's name is one of the listed LA trusts."""
    name = _squash(owner)
    return bool(name) and any(p in name for p in _trust_patterns())


__all__ = [
    "EVENT_SCHEMA",
    "GROUPS",
    "JOINER_LEAVER_SCHEMA",
    "JUDGEMENTS",
    "PROVIDER_SCHEMA",
    "SCHEMA",
    "SECTORS",
    "JoinerLeaver",
    "ProviderEvent",
    "ProviderRecord",
    "SectorRule",
]
