"""Inspection sub-judgements: the judgement areas, care leavers, the weakest and strongest areas
(also a key message), and LAs judged inadequate because of one inadequate sub-judgement."""

from __future__ import annotations

from typing import Any

from inspection_outcomes.core.sentences import (
    Extremes,
    Paragraph,
    Section,
    Sentence,
    extremes,
    get,
    has,
    join_names,
    lower_first,
    none_held,
    say,
)
from inspection_outcomes.model import frameworks as fw
from inspection_outcomes.publications.la_outcomes.findings.shared import AREA_PHRASES


def sections(f: dict[str, Any]) -> list[Section]:
    paras = [
        Paragraph(
            [
                Sentence(
                    "During standard and short inspections, LAs receive the following graded "
                    "judgements in addition to their overall effectiveness judgement:"
                )
            ]
        ),
        Paragraph(
            [
                Sentence(lower_first(fw.AREA_LONG_LABELS[a].removeprefix("The ")))
                for a in fw.SUB_JUDGEMENT_AREAS
            ],
            style="bullets",
        ),
        Paragraph(_care_leavers(f)),
    ]
    quality = _area_quality(f)
    if quality:
        paras.append(Paragraph(quality))
    sections = [
        Section(
            heading=Sentence("Inspection sub-judgements"),
            level=3,
            id="sub-judgements",
            paragraphs=paras,
            figure_ids=["figure_3"],
        )
    ]
    key = "inadequate_overall_with_one_inadequate_sub_judgement"
    if key in f:
        if f[key] is None:
            s = none_held("the sub-judgements of LAs judged inadequate overall")
        else:
            s = say(
                f,
                "Of the {n} LAs judged inadequate overall, {k} had exactly one inadequate "
                "sub-judgement.",
                n="overall_effectiveness.counts.inadequate",
                k=key,
            )
        sections.append(
            Section(
                heading=Sentence("LAs judged inadequate because of one inadequate sub-judgement"),
                level=3,
                id="one-inadequate",
                paragraphs=[Paragraph([s])],
            )
        )
    return sections


def key_message(f: dict[str, Any]) -> Sentence | None:
    """The weakest and strongest areas, for the key messages (None with fewer than two, or
    when every area has the same share)."""
    ext = _area_extremes(f)
    if ext is None or ext.all_equal:
        return None
    return _quoting(
        f,
        ext,
        "Around {lo:pct} of LAs were judged as good or outstanding for their services for "
        f"{_areas(ext.lowest_keys)}, while {{hi:pct}} were judged as good or outstanding for "
        f"{_areas(ext.highest_keys)}.",
    )


def _care_leavers(f: dict[str, Any]) -> list[Sentence]:
    cl = "sub_judgements.care_leavers"
    care = []
    if "ilacs_2023" in fw.by_id():
        care.append(
            say(
                f,
                "The care leavers judgement was introduced in {since:month}.",
                since="reference:frameworks.ilacs_2023.effective_from",
            )
        )
    if has(f, f"{cl}.n", "local_authorities.graded"):
        care.append(
            say(
                f,
                "As at {as_at:date}, {n} of the {graded} LAs inspected had a graded judgement in "
                "this area.",
                as_at="as_at",
                n=f"{cl}.n",
                graded="local_authorities.graded",
            )
        )
    care.append(
        Sentence(
            "The experiences of care leavers were previously evaluated as part of the judgement "
            "‘experiences and progress of children in care and care leavers’."
        )
    )
    v = "care_leavers_vs_children_in_care"
    if has(f, f"{v}.n", f"{v}.different", f"{v}.different_percent"):
        care.append(
            say(
                f,
                "Of the {n} LAs with a care leavers judgement, {d} LAs ({p:pct}) have a different "
                "judgement for children in care.",
                n=f"{v}.n",
                d=f"{v}.different",
                p=f"{v}.different_percent",
            )
        )
    else:
        care.append(none_held("a comparison of care leavers and children in care judgements"))
    if has(f, f"{v}.same_or_better", f"{v}.same_or_better_percent"):
        care.append(
            say(
                f,
                "For {s} LAs ({p:pct}), the care leavers judgement was the same as or better than "
                "the children in care judgement.",
                s=f"{v}.same_or_better",
                p=f"{v}.same_or_better_percent",
            )
        )
    return care


def _area_quality(f: dict[str, Any]) -> list[Sentence]:
    out = []
    ext = _area_extremes(f)
    if ext is not None and not ext.all_equal:
        out.append(
            Sentence(
                "The figure below shows a breakdown of the judgement areas at the LA’s most recent "
                "inspection."
            )
        )
        out.append(
            _quoting(
                f,
                ext,
                f"The lowest quality of practice was seen in services for "
                f"{_areas(ext.lowest_keys)}, with {{lo:pct}} of LAs judged as good or outstanding.",
                highest=False,
            )
        )
        out.append(
            _quoting(
                f,
                ext,
                f"The strongest practice was seen in services for {_areas(ext.highest_keys)}, "
                "where {hi:pct} of LAs were judged as good or outstanding.",
                lowest=False,
            )
        )
    if has(f, "sub_judgements.impact_of_leaders.percent.outstanding"):
        out.append(
            say(
                f,
                "The impact of leaders on social work practice was judged as outstanding for {p:pct} "
                "of LAs.",
                p="sub_judgements.impact_of_leaders.percent.outstanding",
            )
        )
    return out


def _area_extremes(f: dict[str, Any]) -> Extremes | None:
    """The areas with the lowest and highest share good or outstanding, ties all named (the
    one rule of core.sentences.extremes), in the order of fw.SUB_JUDGEMENT_AREAS."""
    return extremes(
        {
            a: get(f, f"sub_judgements.{a}.good_or_outstanding_percent")
            for a in fw.SUB_JUDGEMENT_AREAS
        }
    )


def _areas(keys: tuple[str, ...]) -> str:
    """'children in care and for care leavers': each area its own service (never read as the
    2018 judgement 'children in care and care leavers')."""
    phrases = [AREA_PHRASES[k] for k in keys]
    return join_names([phrases[0], *(f"for {p}" for p in phrases[1:])])


def _quoting(
    f: dict[str, Any], ext: Extremes, template: str, highest: bool = True, lowest: bool = True
) -> Sentence:
    """A sentence with {hi} and {lo} shares, carrying the figure of every area it names."""
    paths = {}
    if highest:
        paths["hi"] = f"sub_judgements.{ext.highest_keys[0]}.good_or_outstanding_percent"
    if lowest:
        paths["lo"] = f"sub_judgements.{ext.lowest_keys[0]}.good_or_outstanding_percent"
    s = say(f, template, **paths)
    for keys, wanted in ((ext.highest_keys, highest), (ext.lowest_keys, lowest)):
        for k in keys if wanted else ():
            path = f"sub_judgements.{k}.good_or_outstanding_percent"
            s.values[path] = get(f, path)
    return s
