"""What a release carries from the engine to the publish layer: one figures dict and tables.

The publish layer (spreadsheets, CSV, HTML, Govspeak, charts, map) reads only this object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Columns of the per-LA datasets (judgements are keys of model.scale.JUDGEMENTS or None).
AS_AT_COLUMNS = (
    "la_code", "old_la_code", "la_name", "region", "event_type", "start_date", "end_date",
    "publication_date", "overall_effectiveness", "impact_of_leaders", "help_and_protection",
    "children_in_care", "care_leavers",
)
IN_YEAR_COLUMNS = (
    "la_code", "old_la_code", "la_name", "region", "event_type", "start_date", "end_date",
    "publication_date", "overall_effectiveness", "impact_of_leaders", "help_and_protection",
    "children_in_care", "care_leavers", "themes",
)
HISTORY_COLUMNS = (
    "la_code", "old_la_code", "la_name", "region", "event_type", "framework", "start_date",
    "end_date", "publication_date", "overall_effectiveness", "impact_of_leaders",
    "help_and_protection", "children_in_care", "care_leavers",
)


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


@dataclass
class ReleaseContent:
    """Figures (the contract of figures.md) plus the datasets of the underlying data."""

    meta: ReleaseMeta
    figures: dict[str, Any]
    #: dataset name -> rows (dicts keyed by the *_COLUMNS above): "as_at", "in_year",
    #: "history", "history_former" (LAs that no longer exist)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
