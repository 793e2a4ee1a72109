"""Children's homes by sector and region: good or outstanding by sector, the highest and lowest
region, and how homes run by trusts are counted."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import (
    Extremes,
    Paragraph,
    Section,
    Sentence,
    extremes,
    join_names,
    region_phrase,
)
from inspection_outcomes.publications.providers import common as pc
from inspection_outcomes.publications.providers.findings.shared import get, gos, say


def sections(f: dict[str, Any]) -> list[Section]:
    sector_block = "by_sector.latest_overall_effectiveness"
    sentences = []
    for s in pc.sectors(f["by_sector"]["latest_overall_effectiveness"]):
        block = f"{sector_block}.{s}.all_childrens_homes"
        n = get(f, f"total:{block}")
        if n and n < pc.MIN_FOR_PERCENT:
            sentences.append(
                say(
                    f,
                    f"{pc.sector_label(s)}: {{n}} home{'' if n == 1 else 's'} with a judgement, "
                    "too few for a percentage",
                    n=f"total:{block}",
                )
            )
        elif n:
            sentences.append(
                say(
                    f,
                    f"{pc.sector_label(s)}: {{pct:pct}} good or outstanding ({{n}} homes)",
                    pct=gos(block),
                    n=f"total:{block}",
                )
            )
    paras = [
        Paragraph(
            [
                Sentence(
                    "Children’s homes judged good or outstanding at their "
                    "latest full inspection, by sector:"
                )
            ]
        ),
        Paragraph(sentences, style="bullets"),
    ]
    if f["by_sector"]["sector_rule"] == "trusts_as_la":
        paras.append(
            Paragraph(
                [
                    say(
                        f,
                        "Homes run by a trust on behalf of an LA count as LA homes here, although the "
                        "data record them as voluntary: {n} providers on the register are counted "
                        "this way.",
                        n="by_sector.providers_reclassified",
                    )
                ]
            )
        )
    region_block = "by_region.latest_overall_effectiveness"
    known = {
        r: get(f, gos(f"{region_block}.{r}.all_childrens_homes"))
        for r in pc.regions(f["by_region"]["latest_overall_effectiveness"])
        if r in pc.REGIONS
    }
    ext = extremes(known)
    if ext is not None:
        paras.append(Paragraph([_regional_extremes(f, region_block, ext)]))
    return [
        Section(
            heading=Sentence("Children’s homes by sector and region"),
            id="homes",
            paragraphs=paras,
            figure_ids=["figure_2", "figure_3"],
        )
    ]


def _regional_extremes(f: dict[str, Any], block: str, ext: Extremes) -> Sentence:
    """Highest and lowest regions by the share of homes good or outstanding; ties all named
    (core.sentences.extremes)."""

    def path(region: str) -> str:
        return gos(f"{block}.{region}.all_childrens_homes")

    def names(keys: tuple[str, ...]) -> str:
        return join_names([region_phrase(k) for k in keys])

    if ext.all_equal:
        s = say(
            f,
            "By region, the share of children’s homes judged good or outstanding was the same "
            "in every region ({hi:pct}).",
            hi=path(ext.highest_keys[0]),
        )
    else:
        s = say(
            f,
            f"By region, the share of children’s homes judged good or outstanding was highest "
            f"in {names(ext.highest_keys)} ({{hi:pct}}) and lowest in {names(ext.lowest_keys)} "
            "({lo:pct}).",
            hi=path(ext.highest_keys[0]),
            lo=path(ext.lowest_keys[0]),
        )
    for k in (*ext.highest_keys, *ext.lowest_keys):
        s.values[path(k)] = get(f, path(k))
    return s
