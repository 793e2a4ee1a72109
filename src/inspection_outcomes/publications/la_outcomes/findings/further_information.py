"""Further information: contacts, and where the glossary and methodology are."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence


def sections(f: dict[str, Any]) -> list[Section]:
    """The same text in every release: it takes the figures like every section but quotes none."""
    return [
        Section(heading=Sentence("Further information"), id="further-information"),
        Section(
            heading=Sentence("Contacts"),
            level=3,
            id="contacts",
            paragraphs=[
                Paragraph(
                    [
                        Sentence(
                            "If you have any comments or feedback on this publication, contact the social "
                            "care inspection insight team."
                        )
                    ]
                )
            ],
        ),
        Section(
            heading=Sentence("Glossary and methodology"),
            level=3,
            id="glossary-link",
            paragraphs=[
                Paragraph(
                    [
                        Sentence(
                            "Definitions of terms are in the glossary. The methodology report describes how "
                            "these statistics are produced and assured."
                        )
                    ]
                )
            ],
        ),
    ]
