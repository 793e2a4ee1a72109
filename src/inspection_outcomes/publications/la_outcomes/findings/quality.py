"""Quality of LA children's services as at the date: the heading over the sections on it.

Its subsections are overall effectiveness, change since the earlier inspection, regional
level and sub-judgements, each a module of its own.
"""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Section, say


def sections(f: dict[str, Any]) -> list[Section]:
    return [
        Section(
            heading=say(f, "Quality of LA children’s services as at {as_at:date}", as_at="as_at"),
            id="quality",
        )
    ]
