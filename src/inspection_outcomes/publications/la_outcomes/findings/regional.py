"""Regional level: the regions where most and fewest LAs were good or outstanding, and the
key message that sums them up."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence, get
from inspection_outcomes.publications.la_outcomes.findings.shared import MAP_ID, regions


def sections(f: dict[str, Any]) -> list[Section]:
    paras = [
        Paragraph(
            [
                Sentence(
                    "The overall effectiveness of LA children’s services showed substantial variations at "
                    "a regional level. However, proportions in this section should be treated with caution "
                    "as they refer to low numbers."
                )
            ]
        )
    ]
    by_region = f.get("by_region") or {}
    gop = _good_or_outstanding(f)
    national = "overall_effectiveness.good_or_outstanding_percent"
    if gop and get(f, national) is not None:
        hi, his, lo, los = _extremes(gop)
        s1 = Sentence(
            f"In {regions(his)}, {hi}% of LAs were judged as good or outstanding, compared "
            f"with the national average of {get(f, national)}%.",
            {f"by_region.{his[0]}.good_or_outstanding_percent": hi, national: get(f, national)},
        )
        s2 = Sentence(
            f"The lowest proportion was in {regions(los)}, where {lo}% of LAs were judged "
            "as good or outstanding.",
            {f"by_region.{los[0]}.good_or_outstanding_percent": lo},
        )
        sentences = [s1, s2]
        inad = {k: get(f, f"by_region.{k}.percent.inadequate") for k in sorted(by_region)}
        inad = {k: v for k, v in inad.items() if v is not None}
        if inad:
            top = max(inad.values())
            tops = [k for k, v in inad.items() if v == top]
            sentences.append(
                Sentence(
                    f"{regions(tops, start=True)} had the highest proportion of LAs judged as "
                    f"inadequate ({top}%).",
                    {f"by_region.{tops[0]}.percent.inadequate": top},
                )
            )
        paras.append(Paragraph(sentences))
    return [
        Section(
            heading=Sentence("Regional level"),
            level=3,
            id="regional",
            paragraphs=paras,
            figure_ids=["figure_2", MAP_ID],
        )
    ]


def key_message(f: dict[str, Any]) -> Sentence | None:
    """The highest and lowest regions, for the key messages (None with fewer than two)."""
    gop = _good_or_outstanding(f)
    if len(gop) < 2:
        return None
    hi, his, lo, los = _extremes(gop)
    s = Sentence(
        "The proportion of LAs judged as good or outstanding was highest in "
        f"{regions(his)} ({hi}%) and lowest in {regions(los)} ({lo}%)."
    )
    s.values[f"by_region.{his[0]}.good_or_outstanding_percent"] = hi
    s.values[f"by_region.{los[0]}.good_or_outstanding_percent"] = lo
    return s


def _good_or_outstanding(f: dict[str, Any]) -> dict[str, Any]:
    """Each region's percentage of LAs good or outstanding, by name (regions without one left
    out)."""
    shares = {
        name: block.get("good_or_outstanding_percent")
        for name, block in sorted((f.get("by_region") or {}).items())
    }
    return {k: v for k, v in shares.items() if v is not None}


def _extremes(shares: dict[str, Any]) -> tuple[Any, list[str], Any, list[str]]:
    """The highest share and the regions with it, then the lowest and the regions with it."""
    hi, lo = max(shares.values()), min(shares.values())
    return (
        hi,
        [k for k, v in shares.items() if v == hi],
        lo,
        [k for k, v in shares.items() if v == lo],
    )
