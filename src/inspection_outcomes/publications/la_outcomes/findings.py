"""The LA release's main findings, section by section, written from the figures dict.

The sentence machinery (values carried with each sentence, number checks, phrasing) is
core/sentences.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from inspection_outcomes.core.sentences import (
    Findings,
    Paragraph,
    Section,
    Sentence,
    get,
    has,
    join_names,
    long_date,
    lower_first,
    month_year,
    none_held,
    number,
    region_phrase,
    say,
)
from inspection_outcomes.core.types import DataTable
from inspection_outcomes.model import frameworks as fw
from inspection_outcomes.model import local_authorities as las
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


def _regions(names: list[str], start: bool = False) -> str:
    return join_names([region_phrase(n, start and i == 0) for i, n in enumerate(names)])


def _previous_dates(figures: dict[str, Any]) -> list[str]:
    """Earlier as-at dates, most recent first."""
    return sorted((figures.get("earlier_as_at") or {}).keys(), reverse=True)


def _changed(delta: int) -> str:
    return "an increase" if delta > 0 else "a decrease"


# --------------------------------------------------------------------------- sections


def _introduction(f: dict[str, Any]) -> Section:
    return Section(
        heading=Sentence("Introduction"),
        id="introduction",
        paragraphs=[
            Paragraph([say(
                f,
                "Across England, {total} LAs are responsible for ensuring and overseeing the "
                "effective delivery of social care services for children who need help and "
                "protection, children in care and care leavers. We inspect these LAs under the "
                "inspections of local authority children’s services (ILACS) framework.",
                total="local_authorities.total",
            )]),
            Paragraph([say(
                f,
                "This official statistics release reports on the quality of LA children’s "
                "services as at {as_at:date}, as well as on our inspection activity between "
                "{start:date} and {end:date}.",
                as_at="as_at", start="period.start", end="period.end",
            )]),
        ],
    )


def _key_messages(f: dict[str, Any]) -> Section:
    paras: list[Paragraph] = []
    earlier = _previous_dates(f)
    if has(f, "overall_effectiveness.good_or_outstanding_percent"):
        now = "overall_effectiveness.good_or_outstanding_percent"
        sentences = []
        oldest = earlier[-1] if earlier else ""
        then = f"earlier_as_at.{oldest}.good_or_outstanding_percent"
        if oldest and get(f, then) is not None:
            delta = get(f, now) - get(f, then)
            trend = ("has improved" if delta > 0 else "has declined" if delta < 0
                     else "has stayed much the same")
            sentences.append(Sentence(
                f"The overall quality of LA children’s services in England {trend} over the "
                "past few years."
            ))
            sentences.append(_good_or_outstanding_then(f, now, then, oldest))
        else:
            sentences.append(say(
                f,
                "As at {as_at:date}, {now:pct} of LAs were judged to be good or outstanding at "
                "their most recent inspection.",
                as_at="as_at", now=now,
            ))
        paras.append(Paragraph(sentences))
    else:
        paras.append(Paragraph([none_held("overall effectiveness judgements as at this date")]))
    change = _change_sentences(f)
    if change:
        paras.append(Paragraph(change))
    regional = _regional_extremes(f)
    if regional:
        paras.append(Paragraph([
            Sentence(
                "The quality of LA children’s services showed substantial variations at a "
                "regional level."
            ),
            regional,
        ]))
    areas = _area_extremes(f)
    if areas:
        paras.append(Paragraph([
            Sentence("There was some variation in quality across the different judgement areas."),
            areas,
        ]))
    return Section(heading=Sentence("Key messages"), id="key-messages", paragraphs=paras)


def _good_or_outstanding_then(f: dict[str, Any], now: str, then: str, oldest: str) -> Sentence:
    s = say(
        f,
        "As at {as_at:date}, {now:pct} of LAs were judged to be good or outstanding at their "
        "most recent inspection, compared with {then:pct} as at ",
        as_at="as_at", now=now, then=then,
    )
    # The earlier date is a key of the figures; the key itself is the quoted value.
    s.text += f"{long_date(oldest)}."
    s.values[f"key:earlier_as_at.{oldest}"] = oldest
    return s


def _change_sentences(f: dict[str, Any], in_section: bool = False) -> list[Sentence]:
    c = "change_since_earlier_inspection"
    if not has(f, f"{c}.n", f"{c}.improved", f"{c}.declined", f"{c}.improved_percent",
                f"{c}.declined_percent") or not get(f, f"{c}.n"):
        return []
    which = get(f, f"{c}.compared_with") or "first"
    out = [say(
        f,
        ("Of these, " if in_section else
         "Of the {n} LAs that received more than one inspection under the ILACS framework, ")
        + "{imp} LAs ({imp_p:pct}) improved their overall effectiveness judgement compared with "
        f"their {which} ILACS inspection"
        + (", and {rgo} LAs ({rgo_p:pct}) retained a good or outstanding judgement."
           if has(f, f"{c}.retained_good_or_outstanding",
                   f"{c}.retained_good_or_outstanding_percent")
           else "."),
        **({} if in_section else {"n": f"{c}.n"}),
        imp=f"{c}.improved", imp_p=f"{c}.improved_percent",
        **({"rgo": f"{c}.retained_good_or_outstanding",
            "rgo_p": f"{c}.retained_good_or_outstanding_percent"}
           if has(f, f"{c}.retained_good_or_outstanding") else {}),
    )]
    out.append(say(
        f,
        "There were {d} LAs ({d_p:pct}) that had a decline in their overall effectiveness "
        "judgement.",
        d=f"{c}.declined", d_p=f"{c}.declined_percent",
    ))
    return out


def _regional_extremes(f: dict[str, Any]) -> Sentence | None:
    regions = {
        name: block.get("good_or_outstanding_percent")
        for name, block in sorted((f.get("by_region") or {}).items())
    }
    regions = {k: v for k, v in regions.items() if v is not None}
    if len(regions) < 2:
        return None
    hi, lo = max(regions.values()), min(regions.values())
    his = [k for k, v in regions.items() if v == hi]
    los = [k for k, v in regions.items() if v == lo]
    s = Sentence(
        "The proportion of LAs judged as good or outstanding was highest in "
        f"{_regions(his)} ({hi}%) and lowest in {_regions(los)} ({lo}%)."
    )
    s.values[f"by_region.{his[0]}.good_or_outstanding_percent"] = hi
    s.values[f"by_region.{los[0]}.good_or_outstanding_percent"] = lo
    return s


def _area_extremes(f: dict[str, Any]) -> Sentence | None:
    areas = {
        a: get(f, f"sub_judgements.{a}.good_or_outstanding_percent")
        for a in fw.SUB_JUDGEMENT_AREAS
    }
    areas = {k: v for k, v in areas.items() if v is not None}
    if len(areas) < 2:
        return None
    lo = min(areas, key=lambda a: (areas[a], fw.SUB_JUDGEMENT_AREAS.index(a)))
    hi = max(areas, key=lambda a: (areas[a], -fw.SUB_JUDGEMENT_AREAS.index(a)))
    return say(
        f,
        "Around {lo:pct} of LAs were judged as good or outstanding for their services for "
        f"{AREA_PHRASES[lo]}, while {{hi:pct}} were judged as good or outstanding for "
        f"{AREA_PHRASES[hi]}.",
        lo=f"sub_judgements.{lo}.good_or_outstanding_percent",
        hi=f"sub_judgements.{hi}.good_or_outstanding_percent",
    )


def _breakdown(f: dict[str, Any], base: str, lead: str, count_first: bool) -> Sentence:
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


def _overall_effectiveness(f: dict[str, Any]) -> list[Section]:
    oe = "overall_effectiveness"
    paras: list[Paragraph] = []
    first = [say(
        f,
        "As at {as_at:date}, {graded} out of {total} LAs in England had received a graded "
        "judgement inspection (standard or short inspection).",
        as_at="as_at", graded="local_authorities.graded", total="local_authorities.total",
    )]
    not_yet = get(f, "local_authorities.not_yet_graded") or []
    if not_yet:
        k = len(not_yet)
        s = say(
            f,
            ("The only LA that had not yet been inspected was " if k == 1 else
             "The only {k} LAs that had not yet been inspected were ")
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
            + ("it is" if len(unread) == 1 else "they are") + " not counted here.",
            k="len:local_authorities.judgement_not_in_source",
        )
        s.values["local_authorities.judgement_not_in_source"] = list(unread)
        first.append(s)
    paras.append(Paragraph(first))
    if has(f, f"{oe}.n", f"{oe}.counts.good", f"{oe}.percent.good"):
        lead = say(f, "Of the {n} LAs inspected, ", n=f"{oe}.n")
        s = _breakdown(f, oe, "", count_first=True)
        s.text = lead.text + s.text.replace(" were judged as outstanding", " were judged as "
                                            "outstanding at their most recent inspection", 1)
        s.values.update(lead.values)
        sentences = [s, *_since_previous_year(f)]
        paras.append(Paragraph(sentences))
    else:
        paras.append(Paragraph([none_held("overall effectiveness judgements as at this date")]))
    sections = [Section(
        heading=Sentence("Overall effectiveness"), level=3, id="overall-effectiveness",
        paragraphs=paras, figure_ids=["figure_1"],
    )]
    sections.append(_change_section(f))
    return sections


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
    text = (f", which {verb} established in {month_year(la0.valid_from.isoformat())} to replace "
            f"{former}{join_names(pred_names)}")
    return text, {f"reference:la.{la0.la_code}.valid_from": la0.valid_from.isoformat()}


def _since_previous_year(f: dict[str, Any]) -> list[Sentence]:
    earlier = _previous_dates(f)
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
        + "; ".join(parts[:-1]) + "; and " + parts[-1] + ".",
        values,
    )
    s.values[f"key:earlier_as_at.{prev}"] = prev
    return [s]


def _change_section(f: dict[str, Any]) -> Section:
    c = "change_since_earlier_inspection"
    which = get(f, f"{c}.compared_with") or "first"
    heading = Sentence(f"Change since the {which} ILACS inspection")
    if not has(f, f"{c}.n"):
        return Section(heading=heading, level=3, id="change",
                       paragraphs=[Paragraph([
                           none_held("LAs with more than one ILACS inspection")])])
    first = say(
        f,
        "Of the {total} LAs in England, {n} had received more than one inspection under the "
        "ILACS framework as at {as_at:date}.",
        total="local_authorities.total", n=f"{c}.n", as_at="as_at",
    )
    sentences = [first, *_change_sentences(f, in_section=True)]
    two = []
    if has(f, f"{c}.improved_by_two", f"{c}.declined_by_two"):
        two.append(say(
            f,
            "Of these, {up} LAs improved by two or more grades and {down} LAs declined by two "
            "or more grades.",
            up=f"{c}.improved_by_two", down=f"{c}.declined_by_two",
        ))
    paras = [Paragraph(sentences)]
    if two:
        paras.append(Paragraph(two))
    paras[-1].sentences.append(Sentence("The table below shows the change by earlier judgement."))
    return Section(heading=heading, level=3, id="change", paragraphs=paras,
                   tables=[change_table(f)])


def change_table(f: dict[str, Any]) -> DataTable:
    c = "change_since_earlier_inspection"
    which = get(f, f"{c}.compared_with") or "first"
    earlier = "First" if which == "first" else "Previous"
    rows = []
    for j in JUDGEMENTS:
        cell = get(f, f"{c}.matrix.{j}") or {}
        rows.append([LABELS[j], cell.get("improved"), cell.get("retained"), cell.get("declined")])
    return DataTable(
        id="table_1",
        caption=(f"Table 1: Change in overall effectiveness for LAs that received more than one "
                 f"inspection under the ILACS framework as at {long_date(f['as_at'])}"),
        columns=[f"{earlier} ILACS overall effectiveness judgement", "Number of LAs that improved",
                 "Number of LAs that retained their judgement", "Number of LAs that declined"],
        rows=rows,
        notes=["A dash marks a change that is not possible from that judgement."],
    )


def _regional(f: dict[str, Any]) -> Section:
    paras = [Paragraph([Sentence(
        "The overall effectiveness of LA children’s services showed substantial variations at "
        "a regional level. However, proportions in this section should be treated with caution "
        "as they refer to low numbers."
    )])]
    regions = f.get("by_region") or {}
    gop = {k: v.get("good_or_outstanding_percent") for k, v in sorted(regions.items())}
    gop = {k: v for k, v in gop.items() if v is not None}
    national = "overall_effectiveness.good_or_outstanding_percent"
    if gop and get(f, national) is not None:
        hi = max(gop.values())
        lo = min(gop.values())
        his = [k for k, v in gop.items() if v == hi]
        los = [k for k, v in gop.items() if v == lo]
        s1 = Sentence(
            f"In {_regions(his)}, {hi}% of LAs were judged as good or outstanding, compared "
            f"with the national average of {get(f, national)}%.",
            {f"by_region.{his[0]}.good_or_outstanding_percent": hi, national: get(f, national)},
        )
        s2 = Sentence(
            f"The lowest proportion was in {_regions(los)}, where {lo}% of LAs were judged "
            "as good or outstanding.",
            {f"by_region.{los[0]}.good_or_outstanding_percent": lo},
        )
        sentences = [s1, s2]
        inad = {k: get(f, f"by_region.{k}.percent.inadequate") for k in sorted(regions)}
        inad = {k: v for k, v in inad.items() if v is not None}
        if inad:
            top = max(inad.values())
            tops = [k for k, v in inad.items() if v == top]
            sentences.append(Sentence(
                f"{_regions(tops, start=True)} had the highest proportion of LAs judged as "
                f"inadequate ({top}%).",
                {f"by_region.{tops[0]}.percent.inadequate": top},
            ))
        paras.append(Paragraph(sentences))
    return Section(heading=Sentence("Regional level"), level=3, id="regional",
                   paragraphs=paras, figure_ids=["figure_2", MAP_ID])


def _sub_judgements(f: dict[str, Any]) -> list[Section]:
    paras = [
        Paragraph([Sentence(
            "During standard and short inspections, LAs receive the following graded "
            "judgements in addition to their overall effectiveness judgement:"
        )]),
        Paragraph(
            [Sentence(lower_first(fw.AREA_LONG_LABELS[a].removeprefix("The ")))
             for a in fw.SUB_JUDGEMENT_AREAS],
            style="bullets",
        ),
    ]
    cl = "sub_judgements.care_leavers"
    care = []
    if "ilacs_2023" in fw.by_id():
        care.append(say(
            f,
            "The care leavers judgement was introduced in {since:month}.",
            since="reference:frameworks.ilacs_2023.effective_from",
        ))
    if has(f, f"{cl}.n", "local_authorities.graded"):
        care.append(say(
            f,
            "As at {as_at:date}, {n} of the {graded} LAs inspected had a graded judgement in "
            "this area.",
            as_at="as_at", n=f"{cl}.n", graded="local_authorities.graded",
        ))
    care.append(Sentence(
        "The experiences of care leavers were previously evaluated as part of the judgement "
        "‘experiences and progress of children in care and care leavers’."
    ))
    v = "care_leavers_vs_children_in_care"
    if has(f, f"{v}.n", f"{v}.different", f"{v}.different_percent"):
        care.append(say(
            f,
            "Of the {n} LAs with a care leavers judgement, {d} LAs ({p:pct}) have a different "
            "judgement for children in care.",
            n=f"{v}.n", d=f"{v}.different", p=f"{v}.different_percent",
        ))
    else:
        care.append(none_held("a comparison of care leavers and children in care judgements"))
    if has(f, f"{v}.same_or_better", f"{v}.same_or_better_percent"):
        care.append(say(
            f,
            "For {s} LAs ({p:pct}), the care leavers judgement was the same as or better than "
            "the children in care judgement.",
            s=f"{v}.same_or_better", p=f"{v}.same_or_better_percent",
        ))
    paras.append(Paragraph(care))
    quality = _area_quality(f)
    if quality:
        paras.append(Paragraph(quality))
    sections = [Section(heading=Sentence("Inspection sub-judgements"), level=3,
                        id="sub-judgements", paragraphs=paras, figure_ids=["figure_3"])]
    key = "inadequate_overall_with_one_inadequate_sub_judgement"
    if key in f:
        if f[key] is None:
            s = none_held("the sub-judgements of LAs judged inadequate overall")
        else:
            s = say(
                f,
                "Of the {n} LAs judged inadequate overall, {k} had exactly one inadequate "
                "sub-judgement.",
                n="overall_effectiveness.counts.inadequate", k=key,
            )
        sections.append(Section(
            heading=Sentence("LAs judged inadequate because of one inadequate sub-judgement"),
            level=3, id="one-inadequate", paragraphs=[Paragraph([s])],
        ))
    return sections


def _area_quality(f: dict[str, Any]) -> list[Sentence]:
    areas = {a: get(f, f"sub_judgements.{a}.good_or_outstanding_percent")
             for a in fw.SUB_JUDGEMENT_AREAS}
    areas = {k: v for k, v in areas.items() if v is not None}
    out = []
    if len(areas) >= 2:
        lo = min(areas, key=lambda a: (areas[a], fw.SUB_JUDGEMENT_AREAS.index(a)))
        hi = max(areas, key=lambda a: (areas[a], -fw.SUB_JUDGEMENT_AREAS.index(a)))
        out.append(Sentence(
            "The figure below shows a breakdown of the judgement areas at the LA’s most recent "
            "inspection."
        ))
        out.append(say(
            f,
            f"The lowest quality of practice was seen in services for {AREA_PHRASES[lo]}, with "
            "{lo:pct} of LAs judged as good or outstanding.",
            lo=f"sub_judgements.{lo}.good_or_outstanding_percent",
        ))
        out.append(say(
            f,
            f"The strongest practice was seen in services for {AREA_PHRASES[hi]}, where "
            "{hi:pct} of LAs were judged as good or outstanding.",
            hi=f"sub_judgements.{hi}.good_or_outstanding_percent",
        ))
    if has(f, "sub_judgements.impact_of_leaders.percent.outstanding"):
        out.append(say(
            f,
            "The impact of leaders on social work practice was judged as outstanding for {p:pct} "
            "of LAs.",
            p="sub_judgements.impact_of_leaders.percent.outstanding",
        ))
    return out


def _in_year(f: dict[str, Any]) -> list[Section]:
    period = dict(start="period.start", end="period.end")
    coverage = set(f.get("coverage") or [])
    heading = say(f, "ILACS inspection activity between {start:date} and {end:date}", **period)
    paras: list[Paragraph] = []
    if has(f, "in_year.las_visited", "in_year.visits"):
        paras.append(Paragraph([say(
            f,
            "Between {start:date} and {end:date}, we visited {las} of the {total} LAs, on "
            "{visits} different occasions. These included:",
            las="in_year.las_visited", total="local_authorities.total", visits="in_year.visits",
            **period,
        )]))
    elif has(f, "in_year.graded.n", "in_year.las_visited_graded_inspections"):
        paras.append(Paragraph([say(
            f,
            "Between {start:date} and {end:date}, we carried out {n} standard or short "
            "inspections of {las} LAs. The source data do not hold every kind of visit, so the "
            "total number of visits is not reported. Visits by type:",
            n="in_year.graded.n", las="in_year.las_visited_graded_inspections", **period,
        )]))
    bullets = []
    for t in fw.ILACS_EVENT_TYPES:
        label = fw.EVENT_TYPE_LABELS[t].lower()
        v = get(f, f"in_year.by_type.{t}")
        if v is None:
            bullets.append(Sentence(f"{label}s: not held in the source data"))
        else:
            bullets.append(say(f, "{v} " + label + ("" if v == 1 else "s"),
                               v=f"in_year.by_type.{t}"))
    paras.append(Paragraph(bullets, style="bullets"))
    missing = [t for t in fw.ILACS_EVENT_TYPES if coverage and t not in coverage]
    if missing:
        names = join_names([fw.EVENT_TYPE_LABELS[t].lower() + "s" for t in missing])
        paras.append(Paragraph([Sentence(
            f"The source data for this release hold no {names}: the numbers of visits and of "
            "LAs visited count only the event types the source holds."
        )]))
    sections = [Section(heading=heading, id="in-year", paragraphs=paras)]
    sections.append(_graded_in_year(f))
    sections.append(_focused_visits(f))
    sections.append(_monitoring_visits(f))
    return sections


def _graded_in_year(f: dict[str, Any]) -> Section:
    g = "in_year.graded"
    paras = [Paragraph([Sentence(
        "While LAs that were previously judged to be good or outstanding usually receive a "
        "short inspection, those LAs that were previously judged as inadequate or as requires "
        "improvement to be good receive a standard inspection. Both standard and short "
        "inspections result in graded judgements."
    )])]
    if has(f, f"{g}.n") and get(f, f"{g}.n") > 0:
        lead = say(
            f,
            "Of the {n} standard or short inspections carried out between {start:date} and "
            "{end:date}, ",
            n=f"{g}.n", start="period.start", end="period.end",
        )
        s = _breakdown(f, g, "", count_first=False)
        s.text = lead.text + s.text.replace("% (", "% (", 1)
        s.text = s.text.replace(" outstanding,", " resulted in a judgement of outstanding,", 1)
        s.values.update(lead.values)
        sentences = [s]
        if has(f, f"{g}.improved", f"{g}.declined", f"{g}.retained"):
            base = f"{g}.previously_inspected" if has(f, f"{g}.previously_inspected") else f"{g}.n"
            imp, dec = get(f, f"{g}.improved"), get(f, f"{g}.declined")
            cmp_ = ("more improved ({i} LAs) than declined ({d} LAs)" if imp > dec else
                    "fewer improved ({i} LAs) than declined ({d} LAs)" if imp < dec else
                    "as many improved ({i} LAs) as declined ({d} LAs)")
            who = ("Of the {b} inspected LAs that had an earlier ILACS graded inspection, "
                   if base.endswith("previously_inspected") else "Of the {b} inspected LAs, ")
            sentences.append(say(
                f, who + cmp_ + " in their overall effectiveness judgement.",
                b=base, i=f"{g}.improved", d=f"{g}.declined",
            ))
            sentences.append(say(
                f, "There were {r} LAs that retained the same judgement.", r=f"{g}.retained",
            ))
        paras.append(Paragraph(sentences))
        r = f"{g}.reinspected_after_inadequate"
        rg = f"{r}_improved_to_good"
        if has(f, r):
            k = get(f, r)
            if k == 0:
                paras.append(Paragraph([Sentence(
                    "None of the LAs inspected in the period had been judged as inadequate at "
                    "their previous inspection."
                )]))
            else:
                re_ = [say(
                    f,
                    "Following a cycle of monitoring visits, we re-inspected {k} LA"
                    + ("" if k == 1 else "s")
                    + " that had been judged as inadequate at their previous inspection.",
                    k=r,
                )]
                m = get(f, rg)
                if m is not None:
                    if m == k:
                        who = "This LA" if k == 1 else "Both LAs" if k == 2 else "All {m} LAs"
                        re_.append(say(
                            f, who + " improved " + ("its" if k == 1 else "their")
                            + " overall effectiveness judgement to good.", m=rg,
                        ))
                    else:
                        re_.append(say(
                            f, "Of these, {m} improved their overall effectiveness judgement "
                            "to good.", m=rg,
                        ))
                paras.append(Paragraph(re_))
    elif has(f, f"{g}.n"):
        paras.append(Paragraph([
            Sentence("There were no standard or short inspections in the period.")]))
    else:
        paras.append(Paragraph([none_held("standard and short inspections in the period")]))
    return Section(heading=Sentence("ILACS standard and short inspections"), level=3,
                   id="graded-inspections", paragraphs=paras)


def _focused_visits(f: dict[str, Any]) -> Section:
    fv = "in_year.focused_visits"
    paras = [Paragraph([Sentence(
        "We carry out focused visits between standard or short inspections. These visits do not "
        "result in a graded judgement. A focused visit will look at one or more aspects of the "
        "service or themes or cohorts of children."
    )])]
    figure_ids: list[str] = []
    if not has(f, f"{fv}.n"):
        paras.append(Paragraph([none_held("focused visits (it holds graded inspections only)")]))
    else:
        sentences = [say(f, "We carried out {n} focused visits in the period.", n=f"{fv}.n")]
        if has(f, f"{fv}.to_requires_improvement_las"):
            sentences = [say(
                f,
                "Of the {n} focused visits carried out, {ri} were to LAs judged as requires "
                "improvement to be good at their last graded inspection.",
                n=f"{fv}.n", ri=f"{fv}.to_requires_improvement_las",
            )]
        if any(v is not None for v in (get(f, f"{fv}.themes_percent") or {}).values()):
            sentences.append(Sentence("Details of visit themes are given in the figure below."))
            figure_ids.append("figure_4")
        prev_path = _previous_themes_path(f)
        prev = get(f, prev_path) if prev_path else None
        now = get(f, f"{fv}.themes_percent")
        if prev and now:
            moves = []
            vals: dict[str, Any] = {}
            for t in THEME_LABELS:
                if now.get(t) is None or prev.get(t) is None:
                    continue
                vals[f"{fv}.themes_percent.{t}"] = now[t]
                vals[f"{prev_path}.{t}"] = prev[t]
                moves.append(f"{THEME_LABELS[t].lower()} {now[t]}% (last year {prev[t]}%)")
            if moves:
                sentences.append(Sentence(
                    "Compared with the previous year, the share of visits by theme was: "
                    + "; ".join(moves) + ".", vals,
                ))
        paras.append(Paragraph(sentences))
    return Section(heading=Sentence("ILACS focused visits"), level=3, id="focused-visits",
                   paragraphs=paras, figure_ids=figure_ids)


def _previous_themes_path(f: dict[str, Any]) -> str | None:
    """Where the figures hold last year's focused visit themes, if they do."""
    for path in ("in_year.focused_visits.previous_year.themes_percent",
                 "in_year.focused_visits.previous.themes_percent",
                 "previous_in_year.focused_visits.themes_percent"):
        if isinstance(get(f, path), dict):
            return path
    return None


def _monitoring_visits(f: dict[str, Any]) -> Section:
    mv = "in_year.monitoring_visits"
    if not has(f, f"{mv}.n"):
        paras = [Paragraph([none_held("monitoring visits (it holds graded inspections only)")])]
    else:
        sentences = [say(
            f,
            "Between {start:date} and {end:date}, we carried out a total of {n} monitoring "
            "visits" + (" across {las} LAs" if has(f, f"{mv}.las") else "")
            + " that had been judged as inadequate at their latest inspection.",
            start="period.start", end="period.end", n=f"{mv}.n",
            **({"las": f"{mv}.las"} if has(f, f"{mv}.las") else {}),
        )]
        k = get(f, f"{mv}.las_reinspected")
        if k == 0:
            sentences.append(Sentence("None of these LAs have yet been re-inspected."))
        elif k is not None:
            sentences.append(say(
                f, "Of these, {k} LA" + (" was" if k == 1 else "s were")
                + " re-inspected in the period.", k=f"{mv}.las_reinspected",
            ))
        paras = [Paragraph(sentences)]
    return Section(heading=Sentence("ILACS monitoring visits"), level=3, id="monitoring-visits",
                   paragraphs=paras)


def _notes(f: dict[str, Any]) -> Section | None:
    """Notes of the release: framework versions in force and the figures' own notes."""
    sentences: list[Sentence] = []
    start, end = get(f, "period.start"), get(f, "as_at")
    if start and end:
        during = fw.in_force_during(date.fromisoformat(start), date.fromisoformat(end))
        versions = [v for v in during if v.is_ilacs]
        if len(versions) > 1:
            for v in versions[1:]:
                s = Sentence(
                    f"A new version of the framework took effect on "
                    f"{long_date(v.effective_from.isoformat())}: {v.name}. {v.notes}.",
                    {f"reference:frameworks.{v.framework}.effective_from":
                     v.effective_from.isoformat()},
                )
                sentences.append(s)
    for note in f.get("notes") or []:
        sentences.append(Sentence(str(note), {"notes": list(f.get("notes") or [])}))
    if not sentences:
        return None
    return Section(heading=Sentence("Notes on this release"), id="notes",
                   paragraphs=[Paragraph(sentences, style="bullets")])


def _further_information() -> list[Section]:
    return [
        Section(heading=Sentence("Further information"), id="further-information"),
        Section(
            heading=Sentence("Contacts"), level=3, id="contacts",
            paragraphs=[Paragraph([Sentence(
                "If you have any comments or feedback on this publication, contact the social "
                "care inspection insight team."
            )])],
        ),
        Section(
            heading=Sentence("Glossary and methodology"), level=3, id="glossary-link",
            paragraphs=[Paragraph([Sentence(
                "Definitions of terms are in the glossary. The methodology report describes how "
                "these statistics are produced and assured."
            )])],
        ),
    ]


# --------------------------------------------------------------------------- tables


def _pct_row(label: str, block: dict[str, Any] | None) -> list[Any]:
    block = block or {}
    n = block.get("n")
    pcts = block.get("percent") or {}
    return [f"{label} ({n})" if n is not None else label, *[pcts.get(j) for j in JUDGEMENTS]]


def figure_tables(f: dict[str, Any]) -> dict[str, DataTable]:
    """The data tables of the findings' figures (used where no chart supplies one)."""
    cols = [f"% {LABELS[j]}" for j in JUDGEMENTS]
    tables: dict[str, DataTable] = {}
    rows = [_pct_row(f"As at {long_date(f['as_at'])}", f.get("overall_effectiveness"))]
    for d in _previous_dates(f):
        rows.append(_pct_row(f"As at {long_date(d)}", f["earlier_as_at"][d]))
    tables["figure_1"] = DataTable(
        "figure_1", "Data for Figure 1: LA overall effectiveness at their most recent inspection",
        ["Period", *cols], rows,
        ["Numbers in brackets are the number of LAs with an overall effectiveness judgement."],
    )
    regions = f.get("by_region") or {}
    rows = [_pct_row(name, regions[name]) for name in sorted(regions)]
    rows.append(_pct_row("England", f.get("overall_effectiveness")))
    tables["figure_2"] = DataTable(
        "figure_2",
        "Data for Figure 2: LA overall effectiveness at their most recent inspection, by region",
        ["Region", *cols], rows,
        ["Numbers in brackets are the number of LAs with a graded judgement."],
    )
    rows = [_pct_row("Overall effectiveness", f.get("overall_effectiveness"))]
    subs = f.get("sub_judgements") or {}
    rows += [_pct_row(fw.AREA_LABELS[a], subs.get(a)) for a in fw.SUB_JUDGEMENT_AREAS if a in subs]
    tables["figure_3"] = DataTable(
        "figure_3",
        "Data for Figure 3: Inspection sub-judgements at the LA’s most recent inspection",
        ["Judgement area", *cols], rows,
        ["Numbers in brackets are the number of LAs with a graded judgement in that area."],
    )
    themes = get(f, "in_year.focused_visits.themes_percent")
    if themes and any(v is not None for v in themes.values()):
        tables["figure_4"] = DataTable(
            "figure_4",
            f"Data for Figure 4: ILACS focused visits by theme between "
            f"{long_date(f['period']['start'])} and {long_date(f['period']['end'])}",
            ["Theme", "Percentage of focused visits"],
            [[THEME_LABELS.get(t, t), themes[t]] for t in THEME_LABELS if t in themes],
        )
    return tables


# --------------------------------------------------------------------------- entry point


def build_findings(figures: dict[str, Any], title: str = "") -> Findings:
    """The main findings of an LA release from its figures dict."""
    f = figures
    title = title or ("Main findings: Local authority inspection outcomes as at "
                      f"{long_date(f['as_at'])}")
    sections: list[Section] = [_introduction(f), _key_messages(f)]
    notes = _notes(f)
    if notes:
        sections.append(notes)
    sections.append(Section(
        heading=say(f, "Quality of LA children’s services as at {as_at:date}", as_at="as_at"),
        id="quality",
    ))
    sections += _overall_effectiveness(f)
    sections.append(_regional(f))
    sections += _sub_judgements(f)
    sections += _in_year(f)
    sections += _further_information()
    tables = figure_tables(f)
    return Findings(title=title, sections=sections, annex=[tables[k] for k in sorted(tables)])
