"""What several sections of the LA findings share: labels, phrases and the earlier dates."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Sentence, get, join_names, number, region_phrase
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS

#: Figure ids the findings place (charts with other ids go after the in-year section).
FIGURE_IDS = ("figure_1", "figure_2", "figure_3", "figure_4")
MAP_ID = "map"

THEME_LABELS = {
    "front_door": "Front door",
    "children_in_need_or_subject_to_a_plan": "Children in need/subject to a plan",
    "achieving_permanence": "Achieving permanence",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
}

AREA_PHRASES = {
    "overall_effectiveness": "overall effectiveness",
    "impact_of_leaders": "the impact of leaders on social work practice",
    "help_and_protection": "help and protection",
    "children_in_care": "children in care",
    "care_leavers": "care leavers",
}


def regions(names: list[str], start: bool = False) -> str:
    """'London and the North West' ('The North West ...' when it starts a sentence)."""
    return join_names([region_phrase(n, start and i == 0) for i, n in enumerate(names)])


def previous_dates(figures: dict[str, Any]) -> list[str]:
    """Earlier as-at dates, most recent first."""
    return sorted((figures.get("earlier_as_at") or {}).keys(), reverse=True)


def breakdown(f: dict[str, Any], base: str, lead: str, count_first: bool) -> Sentence:
    """'lead 30 LAs (20%) were judged as outstanding ..., 61 (40%) good, ...'."""
    parts = []
    values: dict[str, Any] = {}
    for i, j in enumerate(JUDGEMENTS):
        c, p = get(f, f"{base}.counts.{j}"), get(f, f"{base}.percent.{j}")
        values[f"{base}.counts.{j}"] = c
        values[f"{base}.percent.{j}"] = p
        label = LABELS[j].lower()
        if count_first:
            unit = " LAs" if i == 0 else ""
            parts.append(f"{number(c)}{unit} ({p}%) {'were judged as ' if i == 0 else ''}{label}")
        else:
            parts.append(f"{p}% ({number(c)} LAs) {label}")
    text = lead + ", ".join(parts[:-1]) + " and " + parts[-1] + "."
    return Sentence(text, values)
