"""ILACS focused visits in the period: how many, to which LAs, their themes and last year's."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import (
    Paragraph,
    Section,
    Sentence,
    get,
    has,
    none_held,
    say,
)
from inspection_outcomes.publications.la_outcomes.findings.shared import THEME_LABELS


def sections(f: dict[str, Any]) -> list[Section]:
    fv = "in_year.focused_visits"
    paras = [
        Paragraph(
            [
                Sentence(
                    "We carry out focused visits between standard or short inspections. These visits do not "
                    "result in a graded judgement. A focused visit will look at one or more aspects of the "
                    "service or themes or cohorts of children."
                )
            ]
        )
    ]
    figure_ids: list[str] = []
    if not has(f, f"{fv}.n"):
        paras.append(Paragraph([none_held("focused visits (it holds graded inspections only)")]))
    else:
        sentences = [say(f, "We carried out {n} focused visits in the period.", n=f"{fv}.n")]
        if has(f, f"{fv}.to_requires_improvement_las"):
            sentences = [
                say(
                    f,
                    "Of the {n} focused visits carried out, {ri} were to LAs judged as requires "
                    "improvement to be good at their last graded inspection.",
                    n=f"{fv}.n",
                    ri=f"{fv}.to_requires_improvement_las",
                )
            ]
        if any(v is not None for v in (get(f, f"{fv}.themes_percent") or {}).values()):
            sentences.append(Sentence("Details of visit themes are given in the figure below."))
            figure_ids.append("figure_4")
        sentences += _compared_with_last_year(f)
        paras.append(Paragraph(sentences))
    return [
        Section(
            heading=Sentence("ILACS focused visits"),
            level=3,
            id="focused-visits",
            paragraphs=paras,
            figure_ids=figure_ids,
        )
    ]


def _compared_with_last_year(f: dict[str, Any]) -> list[Sentence]:
    """Each theme's share of visits this year and last ([] without last year's)."""
    fv = "in_year.focused_visits"
    prev_path = _previous_themes_path(f)
    prev = get(f, prev_path) if prev_path else None
    now = get(f, f"{fv}.themes_percent")
    if not (prev and now):
        return []
    moves = []
    vals: dict[str, Any] = {}
    for t in THEME_LABELS:
        if now.get(t) is None or prev.get(t) is None:
            continue
        vals[f"{fv}.themes_percent.{t}"] = now[t]
        vals[f"{prev_path}.{t}"] = prev[t]
        moves.append(f"{THEME_LABELS[t].lower()} {now[t]}% (last year {prev[t]}%)")
    if not moves:
        return []
    return [
        Sentence(
            "Compared with the previous year, the share of visits by theme was: "
            + "; ".join(moves)
            + ".",
            vals,
        )
    ]


def _previous_themes_path(f: dict[str, Any]) -> str | None:
    """Where the figures hold last year's focused visit themes, if they do."""
    for path in (
        "in_year.focused_visits.previous_year.themes_percent",
        "in_year.focused_visits.previous.themes_percent",
        "previous_in_year.focused_visits.themes_percent",
    ):
        if isinstance(get(f, path), dict):
            return path
    return None
