"""Introduction: the context line of the release (config/release_context.csv: the LAs the
release covers, its date and its period), each paragraph with the figures it quotes."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.context import context_of
from inspection_outcomes.core.sentences import Paragraph, Section, Sentence, say


def sections(f: dict[str, Any]) -> list[Section]:
    return [
        Section(
            heading=Sentence("Introduction"),
            id="introduction",
            paragraphs=[Paragraph([say(f, p.text, **p.values)]) for p in context_of("la")],
        )
    ]
