"""What the providers release's methodology and glossary pages say, from its figures.

Everything release-specific (dates, period, sources, groups, the sector rule, what the source
does not hold, provisional status) is read from the figures dict or the reference data, so
each release's pages describe that release. Sources are named by file name only: no machine
path reaches a page.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from inspection_outcomes.model import providers as pm
from inspection_outcomes.model.reference import read_table
from inspection_outcomes.model.scale import (
    JUDGEMENTS,
    LABELS,
    SUPPORTED_ACCOMMODATION_JUDGEMENTS,
    SUPPORTED_ACCOMMODATION_LABELS,
)
from inspection_outcomes.publications.providers import common as pc


def file_name(text: str) -> str:
    """'/any/where/data.ods' or 'C:\\x\\data.ods' -> 'data.ods'."""
    return PurePath(text.replace("\\", "/")).name


def sources(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """(file name, what it supplies) for each source file of the release."""
    src = figures["sources"]
    at = pc.long_date(figures["latest_overall_effectiveness"]["as_at"])
    iy = figures["in_year_overall_effectiveness"]
    between = f"{pc.long_date(iy['start'])} to {pc.long_date(iy['end'])}"
    if src.get("in_year") and src["in_year"] == src["as_at"]:
        return [
            (
                file_name(src["as_at"]),
                f"providers and their latest full inspection as at {at}; inspections {between}",
            ),
            *_previous_source(figures),
        ]
    out = [(file_name(src["as_at"]), f"providers and their latest full inspection as at {at}")]
    if src.get("in_year"):
        out.append((file_name(src["in_year"]), f"inspections {between}"))
    return out + _previous_source(figures)


def _previous_source(figures: dict[str, Any]) -> list[tuple[str, str]]:
    earlier = figures.get("previous_year")
    name = figures["sources"].get("previous")
    if not earlier or not name:
        return []
    what = f"providers and their latest full inspection as at {pc.long_date(earlier['as_at'])}"
    if not earlier.get("register_complete"):
        what += " (inspected providers only: not compared as a register)"
    return [(file_name(name), what + ", for the change since then")]


def frameworks() -> list[tuple[str, str]]:
    """(framework, what it applies to and since when), from model/data/provider_frameworks."""
    return [
        (
            row["name"],
            f"{row['applies_to'][:1].upper()}{row['applies_to'][1:]}, from "
            f"{pc.long_date(row['effective_from'])}. {row['notes']}.",
        )
        for row in read_table("provider_frameworks.csv")
    ]


def statements(figures: dict[str, Any]) -> dict[str, str]:
    """The methodology's statements that depend on the release: the cut-off the source
    applied, change over time, joiners and leavers."""
    out: dict[str, str] = {}
    published = figures.get("published_by") or {}
    parts = []
    if published.get("latest") and published.get("latest") == published.get("in_year"):
        parts.append(
            "the latest full inspections as at the date and the period's inspections are "
            f"those whose reports were published by {pc.long_date(published['latest'])}"
        )
    elif published.get("latest"):
        parts.append(
            "the latest full inspections as at the date are those whose reports were "
            f"published by {pc.long_date(published['latest'])}"
        )
    if published.get("in_year") and published.get("in_year") != published.get("latest"):
        parts.append(
            "the period's inspections are those whose reports were published by "
            f"{pc.long_date(published['in_year'])}"
        )
    if parts:
        out["cutoff"] = (
            "Ofsted's provider-level data count an inspection once its report is published, "
            "up to a cut-off after the period. In the data of this release, "
            + " and ".join(parts)
            + ". An inspection whose report came later is in the next release."
        )
    earlier = figures.get("previous_year")
    if earlier:
        out["change"] = (
            f"The change over time compares this release with the figures as at "
            f"{pc.long_date(earlier['as_at'])}, worked out from that year's provider-level "
            "data by the same rules. A change in percentage points is the difference of the "
            "two rounded percentages. Framework changes can move the grade profile from one "
            "year to the next, so a change does not solely show a change in the quality of "
            "provision."
            + (
                ""
                if earlier.get("register_complete")
                else " That year's file lists inspected providers only, so its counts of "
                "providers and places are not compared with this release's register."
            )
        )
    else:
        out["change"] = (
            "This release was built without the previous year's provider-level data, so it "
            "gives no change over time."
        )
    method = figures["joiners_and_leavers"].get("method")
    if method == "table":
        out["joiners"] = (
            "Joiners and leavers are Ofsted's own list of the providers that registered or "
            "deregistered in the period. Comparing joiners with leavers does not give the "
            "change in places: providers active throughout also change their registered places."
        )
    elif method == "registers":
        out["joiners"] = (
            "Joiners and leavers are found by comparing the register at the start of the "
            "period with the register at its end: a provider that joined and left within the "
            "period is in neither, so they can be fewer than a list of status changes."
        )
    else:
        why = figures["joiners_and_leavers"].get("absent_because")
        out["joiners"] = f"Joiners and leavers are not reported: {why}." if why else ""
    return {k: v for k, v in out.items() if v}


def groups() -> list[tuple[str, str]]:
    """(group, the provision types it holds), in Ofsted's order (model/data/provider_groups)."""
    members: dict[str, list[str]] = {g: [] for g in pm.GROUPS}
    for row in read_table("provider_groups.csv"):
        for g in row["groups"].split(";"):
            members.setdefault(g.strip(), []).append(row["label"])
    out = []
    for g in pc.ordered(members, tuple(pm.GROUPS)):
        held = (
            "every provision type"
            if g == "all_providers"
            else "; ".join((lab[:1].lower() + lab[1:]).replace("'", "’") for lab in members[g])
        )
        out.append((pc.group_label(g).replace("'", "’"), held))
    return out


def sector_rule(figures: dict[str, Any]) -> str:
    """The sector rule applied, in words, with the number of providers it moved."""
    rule = figures["rules"]["sector"]
    moved = figures.get("by_sector", {}).get("providers_reclassified", 0)
    if rule == "trusts_as_la":
        return (
            "Some children’s homes are run by trusts or other alternative delivery bodies "
            "on behalf of an LA. The data record them as voluntary; as in Ofsted’s "
            "analysis, this release counts them in the local authority sector "
            f"({moved:,} provider{'' if moved == 1 else 's'} counted as local authority "
            "rather than voluntary). Every other provider is counted in the sector the "
            "data record."
        )
    return (
        "Every provider is counted in the sector the data record, including children’s "
        "homes run by trusts on behalf of an LA, which the data record as voluntary."
    )


def _all_none(block: Any) -> bool:
    if isinstance(block, dict):
        return all(_all_none(v) for v in block.values())
    return block is None


def not_held(figures: dict[str, Any]) -> list[str]:
    """What the sources of this release do not hold: figures shown as [x] or not at all."""
    out = []
    latest = figures["latest_overall_effectiveness"]["groups"]
    if _all_none({g: latest[g] for g in pc.SA_GROUPS if g in latest}):
        out.append(
            "the outcome of supported accommodation providers’ latest full inspection "
            "as at the as-at date (no such column in the provider-level table)"
        )
    iy = figures["in_year_overall_effectiveness"]["groups"]
    if _all_none(iy):
        out.append("inspections in the period (no in-year table)")
    elif _all_none({g: iy[g] for g in pc.SA_GROUPS if g in iy}):
        out.append("the outcomes of supported accommodation inspections in the period")
    if _all_none(figures["providers_and_places"]["providers"]):
        out.append(
            "a register of providers and places as at the as-at date, so providers and "
            "places, and providers by sector and area, are not given"
        )
    if _all_none(figures["joiners_and_leavers"]["joiners"]):
        out.append("providers joining and leaving during the year")
    return out


def parameters(figures: dict[str, Any], provisional: bool) -> list[tuple[str, str]]:
    """The release's parameters, as shown at the top of the methodology page."""
    iy = figures["in_year_overall_effectiveness"]
    rule = figures["rules"]["sector"]
    return [
        ("As at", pc.long_date(figures["latest_overall_effectiveness"]["as_at"])),
        ("In-year period", f"{pc.long_date(iy['start'])} to {pc.long_date(iy['end'])}"),
        ("Status of in-period data", "Provisional" if provisional else "Final"),
        (
            "Sector rule",
            "Homes run by trusts on behalf of an LA counted as local authority"
            if rule == "trusts_as_la"
            else "Sectors as recorded in the data",
        ),
        ("Sources", ", ".join(name for name, _ in sources(figures))),
    ]


_PROVISION_TYPES = {
    "Children's home": "A home providing care and accommodation for children, registered "
    "with Ofsted.",
    "Residential special school (registered as a children's home)": "A residential special "
    "school whose pupils board for more than 295 days a year, so it is registered as a "
    "children’s home.",
    "Secure children's home": "A children’s home that restricts children’s liberty, approved "
    "by the Secretary of State.",
    "Independent fostering agency": "An agency, not run by an LA, that recruits, approves "
    "and supports foster carers.",
    "Voluntary adoption agency": "A charity approved to recruit, assess and support adopters.",
    "Residential special school": "A special school providing boarding for its pupils; its "
    "welfare provision is inspected by Ofsted.",
    "Boarding school": "A school providing boarding accommodation; the welfare of its boarders "
    "is inspected by Ofsted.",
    "Residential family centre": "A centre where parents and their children stay so that the "
    "parents’ capacity to care for their children can be assessed and supported.",
    "Adoption support agency": "An agency providing support services to people affected by "
    "adoption.",
    "Further education college with residential accommodation": "A further education college "
    "that accommodates students under 18; their welfare is inspected by Ofsted.",
    "Residential holiday scheme for disabled children": "A scheme providing holidays with "
    "overnight stays for disabled children.",
    "Secure training centre": "A secure establishment for young people sentenced or remanded "
    "to custody.",
    "Supported accommodation": "Accommodation with support for looked-after children and "
    "care leavers aged 16 and 17, judged on its own three-point scale.",
}


def glossary_terms(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """Provision types, the two judgement scales and the release's terms, sorted."""
    four = "; ".join(LABELS[j].lower() for j in JUDGEMENTS)
    sa = "; ".join(
        SUPPORTED_ACCOMMODATION_LABELS[j].lower() for j in SUPPORTED_ACCOMMODATION_JUDGEMENTS
    )
    terms = [
        (
            "As at date",
            "The date at which each provider’s latest full inspection is taken: "
            f"{pc.long_date(figures['latest_overall_effectiveness']['as_at'])} in this release.",
        ),
        (
            "Full inspection",
            "An inspection that gives an overall effectiveness judgement. "
            "Monitoring inspections that the data record with a full set of judgements are "
            "counted with full inspections.",
        ),
        (
            "In-year period",
            "The period whose inspections are counted in the in-year outcomes: "
            "usually 1 April to 31 March; 1 April to 31 August in the supplementary release.",
        ),
        (
            "Judgement scale (supported accommodation)",
            f"Supported accommodation providers are judged on their own scale, best first: {sa}.",
        ),
        ("Judgement scale", f"The four grades of the other provision types, best first: {four}."),
        (
            "LA",
            "Local authority: one of the councils responsible for children’s services in England.",
        ),
        (
            "Latest full inspection",
            "A provider’s most recent full inspection as at the as-at "
            "date, whose outcome is counted in the latest outcomes.",
        ),
        ("Overall effectiveness", "The overall judgement of a provider at a full inspection."),
        ("Places", "The number of children a provider is registered to accommodate."),
        (
            "Provider group",
            "Ofsted’s grouping of provision types: each type belongs to its "
            "own group, to all providers, and children’s homes, residential special schools "
            "registered as children’s homes and secure children’s homes also to all children’s "
            "homes.",
        ),
        (
            "Provisional",
            "Data for a period shorter than a year, such as the 31 August "
            "supplementary release: inspections late in the period may not yet have a "
            "published report, so the figures will be revised.",
        ),
        ("Region", "One of Ofsted’s 8 regions."),
        (
            "Sector",
            "Who runs a provider: private, local authority, voluntary, academy or health "
            "authority. Children’s homes run by trusts on behalf of an LA are counted as local "
            "authority where the methodology says so.",
        ),
    ]
    for row in read_table("provider_groups.csv"):
        terms.append(
            (
                row["label"].replace("'", "’"),
                _PROVISION_TYPES.get(
                    row["label"], "A type of provision regulated and inspected by Ofsted."
                ),
            )
        )
    return sorted(terms, key=lambda t: t[0].lower())
