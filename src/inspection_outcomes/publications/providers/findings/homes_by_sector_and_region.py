"""Children's homes by sector and region: good or outstanding by sector, the highest and lowest
region, and how homes run by trusts are counted."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import Paragraph, Section, Sentence, region_phrase
from inspection_outcomes.publications.providers import common as pc
from inspection_outcomes.publications.providers.findings.shared import get, gos, say


def sections(f: dict[str, Any]) -> list[Section]:
    sector_block = "by_sector.latest_overall_effectiveness"
    sentences = []
    for s in pc.sectors(f["by_sector"]["latest_overall_effectiveness"]):
        block = f"{sector_block}.{s}.all_childrens_homes"
        if get(f, f"total:{block}"):
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
                        "data record them as voluntary ({n} providers).",
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
    known = {r: v for r, v in known.items() if v is not None}
    if known:
        hi = max(known, key=lambda r: (known[r], r))
        lo = min(known, key=lambda r: (known[r], r))
        paras.append(
            Paragraph(
                [
                    say(
                        f,
                        f"By region, the share of children’s homes judged good or outstanding was "
                        f"highest in {region_phrase(hi)} ({{hi:pct}}) and lowest in "
                        f"{region_phrase(lo)} ({{lo:pct}}).",
                        hi=gos(f"{region_block}.{hi}.all_childrens_homes"),
                        lo=gos(f"{region_block}.{lo}.all_childrens_homes"),
                    )
                ]
            )
        )
    return [
        Section(
            heading=Sentence("Children’s homes by sector and region"),
            id="homes",
            paragraphs=paras,
            figure_ids=["figure_2", "figure_3"],
        )
    ]
