"""Overall effectiveness: LAs graded so far, their latest judgements and the change since the
previous as-at date."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from inspection_outcomes.core.sentences import (
    Paragraph,
    Section,
    Sentence,
    get,
    has,
    join_names,
    long_date,
    month_year,
    none_held,
    number,
    say,
)
from inspection_outcomes.model import local_authorities as las
from inspection_outcomes.model.scale import JUDGEMENTS, LABELS
from inspection_outcomes.publications.la_outcomes.findings.shared import breakdown, previous_dates


def sections(f: dict[str, Any]) -> list[Section]:
    oe = "overall_effectiveness"
    paras: list[Paragraph] = []
    first = [
        say(
            f,
            "As at {as_at:date}, {graded} out of {total} LAs in England had received a graded "
            "judgement inspection (standard or short inspection).",
            as_at="as_at",
            graded="local_authorities.graded",
            total="local_authorities.total",
        )
    ]
    not_yet = get(f, "local_authorities.not_yet_graded") or []
    if not_yet:
        k = len(not_yet)
        s = say(
            f,
            (
                "The only LA that had not yet been inspected was "
                if k == 1
                else "The only {k} LAs that had not yet been inspected were "
            )
            + join_names(list(not_yet)),
            k="len:local_authorities.not_yet_graded",
        )
        s.values["local_authorities.not_yet_graded"] = list(not_yet)
        created = _creation(not_yet)
        s.text += created[0]
        s.values.update(created[1])
        s.text += "."
        first.append(s)
    unread = get(f, "local_authorities.judgement_not_in_source") or []
    if unread:
        s = say(
            f,
            ("For 1 LA" if len(unread) == 1 else "For {k} LAs")
            + f" ({join_names(list(unread))}) the source data do not hold a readable judgement "
            "from the most recent inspection, so "
            + ("it is" if len(unread) == 1 else "they are")
            + " not counted here.",
            k="len:local_authorities.judgement_not_in_source",
        )
        s.values["local_authorities.judgement_not_in_source"] = list(unread)
        first.append(s)
    paras.append(Paragraph(first))
    if has(f, f"{oe}.n", f"{oe}.counts.good", f"{oe}.percent.good"):
        lead = say(f, "Of the {n} LAs inspected, ", n=f"{oe}.n")
        s = breakdown(f, oe, "", count_first=True)
        s.text = lead.text + s.text.replace(
            " were judged as outstanding",
            " were judged as outstanding at their most recent inspection",
            1,
        )
        s.values.update(lead.values)
        sentences = [s, *_since_previous_year(f)]
        paras.append(Paragraph(sentences))
    else:
        paras.append(Paragraph([none_held("overall effectiveness judgements as at this date")]))
    return [
        Section(
            heading=Sentence("Overall effectiveness"),
            level=3,
            id="overall-effectiveness",
            paragraphs=paras,
            figure_ids=["figure_1"],
        )
    ]


def _creation(names: Iterable[str]) -> tuple[str, dict[str, Any]]:
    """', which were established in April 2023 to replace the former LA of Cumbria'."""
    found = [las.resolve(n) for n in names]
    if not found or any(la is None or la.valid_from is None or not la.predecessors for la in found):
        return "", {}
    dates = {la.valid_from for la in found if la}
    preds = sorted({p for la in found if la for p in la.predecessors})
    if len(dates) != 1:
        return "", {}
    la0 = found[0]
    assert la0 is not None and la0.valid_from is not None
    pred_names = [las.by_code()[p].name if p in las.by_code() else p for p in preds]
    verb = "was" if len(found) == 1 else "were"
    former = "the former LA of " if len(pred_names) == 1 else "the former LAs of "
    text = (
        f", which {verb} established in {month_year(la0.valid_from.isoformat())} to replace "
        f"{former}{join_names(pred_names)}"
    )
    return text, {f"reference:la.{la0.la_code}.valid_from": la0.valid_from.isoformat()}


def _changed(delta: int) -> str:
    return "an increase" if delta > 0 else "a decrease"


def _since_previous_year(f: dict[str, Any]) -> list[Sentence]:
    earlier = previous_dates(f)
    if not earlier:
        return []
    prev = earlier[0]
    base, old = "overall_effectiveness", f"earlier_as_at.{prev}"
    parts, values = [], {}
    for j in JUDGEMENTS:
        dp = f"{base}.percent.{j} - {old}.percent.{j}"
        dc = f"{base}.counts.{j} - {old}.counts.{j}"
        d = get(f, dp)
        if d is None:
            return []
        values[dp] = d
        label = LABELS[j].lower()
        if d == 0:
            parts.append(f"no change in the proportion judged as {label}")
            continue
        text = f"{_changed(d)} of {abs(d)} percentage point{'s' if abs(d) != 1 else ''}"
        c = get(f, dc)
        if c is not None:
            values[dc] = c
            word = "more" if c > 0 else "fewer"
            text += f" ({number(abs(c))} {word} LA{'s' if abs(c) != 1 else ''})" if c else ""
        parts.append(f"{text} in the proportion judged as {label}")
    s = Sentence(
        f"Compared with the picture as at {long_date(prev)}, there was "
        + "; ".join(parts[:-1])
        + "; and "
        + parts[-1]
        + ".",
        values,
    )
    s.values[f"key:earlier_as_at.{prev}"] = prev
    return [s]
