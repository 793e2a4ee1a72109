"""An LA's profile as JSON (docs/la-profile.md): plain values, ISO dates, sorted keys."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any

from inspection_outcomes.publications.la_outcomes.profiles.build import Profiles


def plain(value: Any) -> Any:
    """Dataclasses, mappings and sequences as dicts and lists; dates as ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def profile_json(profiles: Profiles, la_code: str) -> dict[str, Any]:
    """One LA's profile with what it is read against: the date, the source and the table
    of observed gaps."""
    return {
        "as_at": profiles.as_at.isoformat(),
        "publication_cutoff": profiles.publication_cutoff.isoformat(),
        "source": plain(profiles.source),
        "observed_gaps": plain(profiles.observed_gaps),
        **plain(profiles.profiles[la_code]),
    }
