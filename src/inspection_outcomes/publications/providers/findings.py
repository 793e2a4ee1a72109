"""The providers release's main findings as data: every number comes from the figures dict.

Sentences, paragraphs and sections are core/sentences.py's; each sentence carries the values it
quotes keyed by their path, and `check_providers_numbers` proves text and figures agree with
sentences.check_numbers. The figures hold counts, so a path may also derive a value from them:

- ``total:P`` the sum of the counts in the block at P (None when any is None);
- ``A + B`` the sum of two or more paths;
- ``pct:A | B`` A as a whole percentage of B (halves away from zero);
- and core/sentences.py's own forms (``A - B``, ``key:``...).
"""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core import sentences
from inspection_outcomes.core.sentences import (
    Findings,
    Paragraph,
    Section,
    Sentence,
    check_numbers,
    region_phrase,
)
from inspection_outcomes.publications.providers import common as pc

LATEST = "latest_overall_effectiveness.groups"
IN_YEAR = "in_year_overall_effectiveness.groups"
#: Figure ids in the order the findings place them.
FIGURE_IDS = ("figure_1", "figure_2", "figure_3", "figure_4", "figure_5")


def resolve(figures: dict[str, Any], path: str) -> Any:
    """The value at a path, derived where the path says so; KeyError when it does not exist."""
    if path.startswith("pct:"):
        num, den = path.removeprefix("pct:").split(" | ")
        return pc.share(resolve(figures, num), resolve(figures, den))
    if " + " in path:
        parts = [resolve(figures, p) for p in path.split(" + ")]
        return None if any(v is None for v in parts) else sum(parts)
    if path.startswith("total:"):
        block = sentences.resolve(figures, path.removeprefix("total:"))
        if not isinstance(block, dict):
            raise KeyError(path)
        return pc.total(block)
    return sentences.resolve(figures, path)


def say(figures: dict[str, Any], template: str, **paths: str) -> Sentence:
    """core's `say`, reading this release's paths (derived forms included)."""
    return sentences.say(figures, template, resolve, **paths)


def get(figures: dict[str, Any], path: str) -> Any:
    return sentences.get(figures, path, resolve)


def has(figures: dict[str, Any], *paths: str) -> bool:
    return sentences.has(figures, *paths, resolver=resolve)


def _gos(block: str) -> str:
    """Path of good or outstanding as a percentage of the judged in a block."""
    return f"pct:{block}.outstanding + {block}.good | total:{block}"


def _not_held(what: str) -> Sentence:
    return Sentence(f"The source data of this release do not hold {what}, so it is not "
                    "reported.")


def _key_messages(f: dict[str, Any]) -> Section:
    homes = f"{LATEST}.all_childrens_homes"
    everyone = f"{LATEST}.all_providers"
    paras = [Paragraph([
        say(f, "As at {as_at:date}, {pct:pct} of the {n} children’s homes with a full "
            "inspection were judged good or outstanding at their latest full inspection.",
            as_at="latest_overall_effectiveness.as_at", pct=_gos(homes), n=f"total:{homes}"),
        say(f, "Across all providers on the four-point scale, {pct:pct} of {n} were good or "
            "outstanding.", pct=_gos(everyone), n=f"total:{everyone}"),
    ])]
    iy_homes = f"{IN_YEAR}.all_childrens_homes"
    if has(f, f"total:{iy_homes}"):
        paras.append(Paragraph([say(
            f, "Between {start:date} and {end:date}, {pct:pct} of the {n} full inspections of "
            "children’s homes with a judgement found them good or outstanding.",
            start="in_year_overall_effectiveness.start", end="in_year_overall_effectiveness.end",
            pct=_gos(iy_homes), n=f"total:{iy_homes}")]))
    if has(f, "providers_and_places.providers.all_childrens_homes"):
        paras.append(Paragraph([say(
            f, "As at {as_at:date}, {n} children’s homes were registered, with {places} "
            "places.", as_at="providers_and_places.as_at",
            n="providers_and_places.providers.all_childrens_homes",
            places="providers_and_places.places.all_childrens_homes")]))
    return Section(heading=Sentence("Key messages"), id="key-messages", paragraphs=paras)


def _by_group(f: dict[str, Any]) -> Section:
    bullets = []
    for g in pc.FOUR_POINT_GROUPS:
        block = f"{LATEST}.{g}"
        if g == "all_providers" or not get(f, f"total:{block}"):
            continue
        bullets.append(say(
            f, f"{pc.group_label(g)}: {{pct:pct}} good or outstanding ({{n}} with a judgement)",
            pct=_gos(block), n=f"total:{block}"))
    sa = f"{LATEST}.supported_accommodation"
    if has(f, f"total:{sa}") and get(f, f"total:{sa}"):
        sa_sentence = say(
            f, "Supported accommodation providers are judged on their own scale: of the {n} "
            "with a full inspection, {strong} were consistently strong, {mixed} of "
            "inconsistent quality and {weak} had serious or widespread weaknesses.",
            n=f"total:{sa}", strong=f"{sa}.consistently_strong",
            mixed=f"{sa}.inconsistent_quality", weak=f"{sa}.serious_or_widespread_weaknesses")
    else:
        sa_sentence = _not_held("judgements of supported accommodation providers")
    return Section(
        heading=Sentence("Latest overall effectiveness by provider group"),
        id="by-provider-group",
        paragraphs=[
            Paragraph([say(f, "Overall effectiveness at each provider’s latest full inspection "
                           "as at {as_at:date}, by provider group:",
                           as_at="latest_overall_effectiveness.as_at")]),
            Paragraph(bullets, style="bullets"),
            Paragraph([sa_sentence]),
        ],
        figure_ids=["figure_1"])


def _homes(f: dict[str, Any]) -> Section:
    sector_block = "by_sector.latest_overall_effectiveness"
    sentences = []
    for s in pc.sectors(f["by_sector"]["latest_overall_effectiveness"]):
        block = f"{sector_block}.{s}.all_childrens_homes"
        if get(f, f"total:{block}"):
            sentences.append(say(
                f, f"{pc.sector_label(s)}: {{pct:pct}} good or outstanding ({{n}} homes)",
                pct=_gos(block), n=f"total:{block}"))
    paras = [Paragraph([Sentence("Children’s homes judged good or outstanding at their "
                                 "latest full inspection, by sector:")]),
             Paragraph(sentences, style="bullets")]
    if f["by_sector"]["sector_rule"] == "trusts_as_la":
        paras.append(Paragraph([say(
            f, "Homes run by a trust on behalf of an LA count as LA homes here, although the "
            "data record them as voluntary ({n} providers).",
            n="by_sector.providers_reclassified")]))
    region_block = "by_region.latest_overall_effectiveness"
    known = {r: get(f, _gos(f"{region_block}.{r}.all_childrens_homes"))
             for r in pc.regions(f["by_region"]["latest_overall_effectiveness"])
             if r in pc.REGIONS}
    known = {r: v for r, v in known.items() if v is not None}
    if known:
        hi = max(known, key=lambda r: (known[r], r))
        lo = min(known, key=lambda r: (known[r], r))
        paras.append(Paragraph([say(
            f, f"By region, the share of children’s homes judged good or outstanding was "
            f"highest in {region_phrase(hi)} ({{hi:pct}}) and lowest in "
            f"{region_phrase(lo)} ({{lo:pct}}).",
            hi=_gos(f"{region_block}.{hi}.all_childrens_homes"),
            lo=_gos(f"{region_block}.{lo}.all_childrens_homes"))]))
    return Section(heading=Sentence("Children’s homes by sector and region"), id="homes",
                   paragraphs=paras, figure_ids=["figure_2", "figure_3"])


def _in_year(f: dict[str, Any]) -> Section:
    iy = "in_year_overall_effectiveness"
    if not has(f, f"total:{IN_YEAR}.all_providers"):
        return Section(heading=Sentence("In-year outcomes of full inspections"), id="in-year",
                       paragraphs=[Paragraph([_not_held("inspections in the year")])],
                       figure_ids=["figure_4"])
    sentences = []
    types = f"{iy}.events_by_type.all_providers"
    if has(f, f"{types}.full_inspection"):
        sentences.append(say(
            f, "Between {start:date} and {end:date}, providers had {full} full inspections.",
            start=f"{iy}.start", end=f"{iy}.end", full=f"{types}.full_inspection"))
    block = f"{IN_YEAR}.all_providers"
    sentences.append(say(
        f, "Of the {n} full inspections with a judgement on the four-point scale, {pct:pct} "
        "found the provider good or outstanding and {inad} found it inadequate.",
        n=f"total:{block}", pct=_gos(block), inad=f"{block}.inadequate"))
    homes = f"{IN_YEAR}.all_childrens_homes"
    sentences.append(say(
        f, "For children’s homes, {pct:pct} of {n} inspections found them good or "
        "outstanding.", pct=_gos(homes), n=f"total:{homes}"))
    return Section(heading=Sentence("In-year outcomes of full inspections"), id="in-year",
                   paragraphs=[Paragraph(sentences)], figure_ids=["figure_4"])


def _providers_and_places(f: dict[str, Any]) -> Section:
    pp = "providers_and_places"
    if not has(f, f"{pp}.providers.all_providers"):
        paras = [Paragraph([_not_held("a register of providers and places as at this date")])]
    else:
        paras = [Paragraph([
            say(f, "As at {as_at:date}, {n} providers were registered, with {places} places.",
                as_at=f"{pp}.as_at", n=f"{pp}.providers.all_providers",
                places=f"{pp}.places.all_providers"),
            say(f, "Of the {all} children’s homes, {n} ({pct:pct}) were run privately.",
                pct=f"pct:by_sector.providers.private.all_childrens_homes | "
                    f"{pp}.providers.all_childrens_homes",
                n="by_sector.providers.private.all_childrens_homes",
                all=f"{pp}.providers.all_childrens_homes"),
        ])]
    return Section(heading=Sentence("Providers and places"), id="providers-and-places",
                   paragraphs=paras, figure_ids=["figure_5"])


def _joiners(f: dict[str, Any]) -> Section:
    jl = "joiners_and_leavers"
    if not has(f, f"{jl}.joiners.all_childrens_homes", f"{jl}.start"):
        paras = [Paragraph([_not_held("joiners and leavers")])]
    else:
        net = get(f, f"{jl}.joiners.all_childrens_homes - {jl}.leavers.all_childrens_homes")
        change = ("an increase of {net}" if net > 0 else "a decrease of {net}" if net < 0
                  else "no net change")
        paras = [Paragraph([
            say(f, "Between {start:date} and {end:date}, {j} children’s homes joined the "
                "register and {l} left: " + change + ".",
                start=f"{jl}.start", end=f"{jl}.end", j=f"{jl}.joiners.all_childrens_homes",
                l=f"{jl}.leavers.all_childrens_homes",
                net=f"{jl}.joiners.all_childrens_homes - {jl}.leavers.all_childrens_homes"),
            say(f, "Across all providers, {j} joined and {l} left.",
                j=f"{jl}.joiners.all_providers", l=f"{jl}.leavers.all_providers"),
        ])]
    return Section(heading=Sentence("Joiners and leavers"), id="joiners-and-leavers",
                   paragraphs=paras)


def _about(f: dict[str, Any]) -> Section:
    sources = [say(f, "Providers as at the date come from {file}.", file="sources.as_at")]
    if get(f, "sources.in_year") and f["sources"]["in_year"] != f["sources"]["as_at"]:
        sources.append(say(f, "Inspections in the year come from {file}.",
                           file="sources.in_year"))
    return Section(
        heading=Sentence("About these statistics"), id="about",
        paragraphs=[
            Paragraph([Sentence("These statistics come from Ofsted’s provider-level data. "
                                "No provider is named: every output holds counts only."),
                       *sources]),
            Paragraph([say(f, "In-year outcomes count {rule}.", rule="rules.in_year_events")]),
            Paragraph([Sentence("Percentages are rounded to whole numbers, halves away from "
                                "zero, so they may not add up exactly.")]),
        ])


def build_providers_findings(figures: dict[str, Any], title: str = "") -> Findings:
    return Findings(title=title, sections=[
        _key_messages(figures), _by_group(figures), _homes(figures), _in_year(figures),
        _providers_and_places(figures), _joiners(figures), _about(figures)])


def check_providers_numbers(findings: Findings, figures: dict[str, Any]) -> list[str]:
    """Disagreements between the text and the figures ([] when every number is explained)."""
    return check_numbers(findings, figures, resolve)
