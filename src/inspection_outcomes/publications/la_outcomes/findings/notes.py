"""Notes on this release: framework versions in force and the figures' own notes."""

from __future__ import annotations

from datetime import date
from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence, get, long_date
from inspection_outcomes.model import frameworks as fw


def sections(f: dict[str, Any]) -> list[Section]:
    """The notes section, or none when there is nothing to note."""
    sentences: list[Sentence] = []
    start, end = get(f, "period.start"), get(f, "as_at")
    if start and end:
        during = fw.in_force_during(date.fromisoformat(start), date.fromisoformat(end))
        versions = [v for v in during if v.is_ilacs]
        if len(versions) > 1:
            for v in versions[1:]:
                s = Sentence(
                    f"A new version of the framework took effect on "
                    f"{long_date(v.effective_from.isoformat())}: {v.name}. {v.notes}.",
                    {
                        f"reference:frameworks.{v.framework}.effective_from": v.effective_from.isoformat()
                    },
                )
                sentences.append(s)
    for note in f.get("notes") or []:
        sentences.append(Sentence(str(note), {"notes": list(f.get("notes") or [])}))
    if not sentences:
        return []
    return [
        Section(
            heading=Sentence("Notes on this release"),
            id="notes",
            paragraphs=[Paragraph(sentences, style="bullets")],
        )
    ]
