"""What a release carries from its engine to its outputs: one figures dict, and tables.

The writers (spreadsheets, CSV, HTML, Govspeak, charts, map) read only this object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inspection_outcomes.core.contacts import Contact, contact_for

#: What a release that is not final says, first, on every page, cover sheet and Govspeak.
DRAFT_MARK = "Draft: not for publication"
DRAFT_TEXT = (
    "This release has not been signed off: it is not yet produced and assured by two "
    "different people. It must not be published or quoted."
)


def is_final(producer: str | None, assurer: str | None) -> bool:
    """Final only when produced and assured by two different people (the methodology's QA)."""
    return bool(producer and assurer and producer.strip().lower() != assurer.strip().lower())


@dataclass
class ReleaseMeta:
    """Who and what: shown on cover sheets, pages and the manifest."""

    title: str  # e.g. "Local authority inspection outcomes as at 31 March 2024"
    release_kind: str  # "la" or "providers"
    simulated: bool  # every output says so when True
    producer: str | None = None
    assurer: str | None = None
    publication_date: str | None = None  # ISO
    provisional: bool = False  # e.g. the 31 August supplementary release
    source_description: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def final(self) -> bool:
        return is_final(self.producer, self.assurer)

    @property
    def contact(self) -> Contact | None:
        """Who answers questions about the release (config/release_contacts.csv)."""
        return contact_for(self.release_kind)


@dataclass
class ReleaseContent:
    """Figures (the contract of figures.md) plus the datasets of the underlying data."""

    meta: ReleaseMeta
    figures: dict[str, Any]
    #: dataset name -> rows (dicts keyed by column), as the publication defines them
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
