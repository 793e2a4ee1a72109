"""Introduction: the LAs the release covers, its date and its period."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence, say


def sections(f: dict[str, Any]) -> list[Section]:
    return [
        Section(
            heading=Sentence("Introduction"),
            id="introduction",
            paragraphs=[
                Paragraph(
                    [
                        say(
                            f,
                            "Across England, {total} LAs are responsible for ensuring and overseeing the "
                            "effective delivery of social care services for children who need help and "
                            "protection, children in care and care leavers. We inspect these LAs under the "
                            "inspections of local authority children’s services (ILACS) framework.",
                            total="local_authorities.total",
                        )
                    ]
                ),
                Paragraph(
                    [
                        say(
                            f,
                            "This official statistics release reports on the quality of LA children’s "
                            "services as at {as_at:date}, as well as on our inspection activity between "
                            "{start:date} and {end:date}.",
                            as_at="as_at",
                            start="period.start",
                            end="period.end",
                        )
                    ]
                ),
            ],
        )
    ]
