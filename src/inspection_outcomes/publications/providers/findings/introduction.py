"""Introduction: the context line of the release (config/release_context.csv: which
providers the release covers and what it reports), with any figures it quotes."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.context import context_of
from inspection_outcomes.core.sentences import Paragraph, Section, Sentence
from inspection_outcomes.publications.providers.findings.shared import say


def sections(f: dict[str, Any]) -> list[Section]:
    paragraphs = [Paragraph([say(f, p.text, **p.values)]) for p in context_of("providers")]
    if not paragraphs:
        return []
    return [Section(heading=Sentence("Introduction"), id="introduction", paragraphs=paragraphs)]
