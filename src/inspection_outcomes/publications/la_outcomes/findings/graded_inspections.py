"""ILACS standard and short inspections in the period: their judgements, the change from the
previous judgement, and the re-inspection of LAs judged inadequate."""

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
from inspection_outcomes.publications.la_outcomes.findings.shared import breakdown

#: Where the figures hold the period's graded (standard and short) inspections.
_G = "in_year.graded"


def sections(f: dict[str, Any]) -> list[Section]:
    paras = [
        Paragraph(
            [
                Sentence(
                    "While LAs that were previously judged to be good or outstanding usually receive a "
                    "short inspection, those LAs that were previously judged as inadequate or as requires "
                    "improvement to be good receive a standard inspection. Both standard and short "
                    "inspections result in graded judgements."
                )
            ]
        )
    ]
    if has(f, f"{_G}.n") and get(f, f"{_G}.n") > 0:
        paras.append(Paragraph(_judgements(f)))
        reinspected = _reinspected_after_inadequate(f)
        if reinspected:
            paras.append(Paragraph(reinspected))
    elif has(f, f"{_G}.n"):
        paras.append(
            Paragraph([Sentence("There were no standard or short inspections in the period.")])
        )
    else:
        paras.append(Paragraph([none_held("standard and short inspections in the period")]))
    return [
        Section(
            heading=Sentence("ILACS standard and short inspections"),
            level=3,
            id="graded-inspections",
            paragraphs=paras,
        )
    ]


def _judgements(f: dict[str, Any]) -> list[Sentence]:
    """The judgements of the period's inspections, and how many improved or declined."""
    lead = say(
        f,
        "Of the {n} standard or short inspections carried out between {start:date} and "
        "{end:date}, ",
        n=f"{_G}.n",
        start="period.start",
        end="period.end",
    )
    s = breakdown(f, _G, "", count_first=False)
    s.text = lead.text + s.text.replace("% (", "% (", 1)
    s.text = s.text.replace(" outstanding,", " resulted in a judgement of outstanding,", 1)
    s.values.update(lead.values)
    sentences = [s]
    if has(f, f"{_G}.improved", f"{_G}.declined", f"{_G}.retained"):
        base = f"{_G}.previously_inspected" if has(f, f"{_G}.previously_inspected") else f"{_G}.n"
        imp, dec = get(f, f"{_G}.improved"), get(f, f"{_G}.declined")
        cmp_ = (
            "more improved ({i} LAs) than declined ({d} LAs)"
            if imp > dec
            else "fewer improved ({i} LAs) than declined ({d} LAs)"
            if imp < dec
            else "as many improved ({i} LAs) as declined ({d} LAs)"
        )
        who = (
            "Of the {b} inspected LAs that had an earlier ILACS graded inspection, "
            if base.endswith("previously_inspected")
            else "Of the {b} inspected LAs, "
        )
        sentences.append(
            say(
                f,
                who + cmp_ + " in their overall effectiveness judgement.",
                b=base,
                i=f"{_G}.improved",
                d=f"{_G}.declined",
            )
        )
        sentences.append(
            say(
                f,
                "There were {r} LAs that retained the same judgement.",
                r=f"{_G}.retained",
            )
        )
    return sentences


def _reinspected_after_inadequate(f: dict[str, Any]) -> list[Sentence]:
    """LAs re-inspected after an inadequate judgement and how many improved to good ([] when
    the figures do not say)."""
    r = f"{_G}.reinspected_after_inadequate"
    rg = f"{r}_improved_to_good"
    if not has(f, r):
        return []
    k = get(f, r)
    if k == 0:
        return [
            Sentence(
                "None of the LAs inspected in the period had been judged as inadequate at "
                "their previous inspection."
            )
        ]
    re_ = [
        say(
            f,
            "Following a cycle of monitoring visits, we re-inspected {k} LA"
            + ("" if k == 1 else "s")
            + " that had been judged as inadequate at their previous inspection.",
            k=r,
        )
    ]
    m = get(f, rg)
    if m is not None:
        if m == k:
            who = "This LA" if k == 1 else "Both LAs" if k == 2 else "All {m} LAs"
            re_.append(
                say(
                    f,
                    who
                    + " improved "
                    + ("its" if k == 1 else "their")
                    + " overall effectiveness judgement to good.",
                    m=rg,
                )
            )
        else:
            re_.append(
                say(
                    f,
                    "Of these, {m} improved their overall effectiveness judgement to good.",
                    m=rg,
                )
            )
    return re_
