"""Regional level: the regions where most and fewest LAs were good or outstanding, and the
key message that sums them up."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import (
    Extremes,
    Paragraph,
    Section,
    Sentence,
    extremes,
    get,
)
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
    ext = extremes(gop)
    if ext is not None and get(f, national) is not None:
        sentences = _highest_and_lowest(f, ext, national)
        inad = extremes({k: get(f, f"by_region.{k}.percent.inadequate") for k in sorted(by_region)})
        if inad is not None and not inad.all_equal:
            sentences.append(
                Sentence(
                    f"{regions(list(inad.highest_keys), start=True)} had the highest proportion "
                    f"of LAs judged as inadequate ({inad.highest}%).",
                    _quoted(inad.highest_keys, "percent.inadequate", inad.highest),
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
    ext = extremes(_good_or_outstanding(f))
    if ext is None:
        return None
    gop = "good_or_outstanding_percent"
    if ext.all_equal:
        return Sentence(
            "The proportion of LAs judged as good or outstanding was the same in every region "
            f"({ext.highest}%).",
            _quoted(ext.highest_keys, gop, ext.highest),
        )
    return Sentence(
        "The proportion of LAs judged as good or outstanding was highest in "
        f"{regions(list(ext.highest_keys))} ({ext.highest}%) and lowest in "
        f"{regions(list(ext.lowest_keys))} ({ext.lowest}%).",
        {
            **_quoted(ext.highest_keys, gop, ext.highest),
            **_quoted(ext.lowest_keys, gop, ext.lowest),
        },
    )


def _highest_and_lowest(f: dict[str, Any], ext: Extremes, national: str) -> list[Sentence]:
    gop = "good_or_outstanding_percent"
    if ext.all_equal:
        return [
            Sentence(
                f"In every region, {ext.highest}% of LAs were judged as good or outstanding, "
                f"compared with the national average of {get(f, national)}%.",
                {**_quoted(ext.highest_keys, gop, ext.highest), national: get(f, national)},
            )
        ]
    return [
        Sentence(
            f"In {regions(list(ext.highest_keys))}, {ext.highest}% of LAs were judged as good or "
            f"outstanding, compared with the national average of {get(f, national)}%.",
            {**_quoted(ext.highest_keys, gop, ext.highest), national: get(f, national)},
        ),
        Sentence(
            f"The lowest proportion was in {regions(list(ext.lowest_keys))}, where {ext.lowest}% "
            "of LAs were judged as good or outstanding.",
            _quoted(ext.lowest_keys, gop, ext.lowest),
        ),
    ]


def _quoted(keys: tuple[str, ...], figure: str, value: Any) -> dict[str, Any]:
    """The figure of every region a sentence names, as the sentence's values."""
    return {f"by_region.{k}.{figure}": value for k in keys}


def _good_or_outstanding(f: dict[str, Any]) -> dict[str, Any]:
    """Each region's percentage of LAs good or outstanding, by name."""
    return {
        name: block.get("good_or_outstanding_percent")
        for name, block in sorted((f.get("by_region") or {}).items())
    }
