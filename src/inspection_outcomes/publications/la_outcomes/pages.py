"""The release's web pages (GOV.UK Frontend): main findings, methodology, glossary, pre-release.

Pages are static, self-contained and deterministic: the GOV.UK Frontend stylesheet and fonts
are copied from the `govuk-frontend` npm package into `assets/` (no CDN, no scripts), charts
are SVG files under `charts/` shown as images with alt text, and every chart links to its data
table in the annex.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from inspection_outcomes.core.content import ReleaseContent
from inspection_outcomes.core.la_areas import BOUNDARY_SOURCE
from inspection_outcomes.core.pages import (
    GLOSSARY,
    PRE_RELEASE,
    PRE_RELEASE_CSV,
    SIMULATED_WARNING,
    AnnexItem,
    Block,
    Download,
    FigureItem,
    environment,
    number_chart,
    pre_release_table,
    write_site,
)
from inspection_outcomes.core.sentences import (
    Findings,
    check_numbers,
    join_names,
    long_date,
)
from inspection_outcomes.core.types import Chart, DataTable
from inspection_outcomes.errors import ReleaseError
from inspection_outcomes.model import frameworks as fw
from inspection_outcomes.model import local_authorities as las
from inspection_outcomes.model.scale import LABELS
from inspection_outcomes.publications.la_outcomes import findings as fd

#: This publication's templates, named by their path from the package (core/pages.py).
TEMPLATES = "publications/la_outcomes/templates/"

NAV = (
    ("index.html", "Main findings"),
    ("la/index.html", "Local authorities"),
    ("methodology.html", "Methodology"),
    ("glossary.html", "Glossary"),
    ("pre-release-access.html", "Pre-release access"),
    ("quality-assurance.html", "Quality assurance"),
)


# --------------------------------------------------------------------------- page data


def arrange(
    content: ReleaseContent,
    charts: Sequence[Chart],
    map_chart: Chart | None,
    missing_notes: dict[str, str] | None = None,
) -> tuple[Findings, list[Block], list[Chart], list[AnnexItem]]:
    """Findings with the charts placed: blocks in order, extra charts, and the annex."""
    findings = fd.build_findings(content.figures, f"Main findings: {content.meta.title}")
    by_id = {c.id: c for c in charts}
    if map_chart is not None:
        by_id[fd.MAP_ID] = map_chart
    fallback = {t.id: t for t in findings.annex}
    missing_notes = missing_notes or {}
    blocks, annex, used = [], [], set()
    counter = 0

    def number(chart: Chart) -> Chart:
        nonlocal counter
        counter += 1
        numbered = number_chart(chart, counter)
        annex.append(
            AnnexItem(numbered.table, f"data-{chart.id}", f"figure-{chart.id}", numbered.title)
        )
        return numbered

    for section in findings.sections:
        items = []
        for fid in section.figure_ids:
            chart = by_id.get(fid)
            if chart is not None:
                used.add(chart.id)
                items.append(FigureItem(chart=number(chart)))
            elif fid in missing_notes:
                items.append(FigureItem(text=missing_notes[fid]))
            elif fid in fallback:
                anchor = f"data-{fid}"
                annex.append(AnnexItem(fallback[fid], anchor))
                items.append(
                    FigureItem(text="The figure is not drawn for this release.", anchor=anchor)
                )
        blocks.append(Block(section, items))
    extra = [number(c) for c in charts if c.id not in used]
    return findings, blocks, extra, annex


def framework_mix_text(f: dict[str, Any]) -> str:
    """The framework mix as the coverage note gives it: each version's name and how many
    LAs have their most recent inspection under it, and where earlier frameworks count."""
    mix: dict[str, int] = f["framework_mix"]
    text = "; ".join(f"{fw.framework_mix_label(k)}: {n}" for k, n in mix.items())
    earlier = sum(n for k, n in mix.items() if not k.startswith("ilacs"))
    if earlier:
        text += (
            f" ({earlier} LAs’ most recent judgement is under a framework before ILACS, not "
            "directly comparable with ILACS: it counts in overall effectiveness, and in no "
            "sub-judgement or change figure)"
        )
    return text


def _parameters(content: ReleaseContent) -> list[tuple[str, str]]:
    f = content.figures
    rows = [
        ("As at", long_date(f["as_at"])),
        ("Publication cut-off", long_date(f["publication_cutoff"])),
        ("In-year period", f"{long_date(f['period']['start'])} to {long_date(f['period']['end'])}"),
    ]
    lap = f.get("local_authorities") or {}
    if lap.get("total") is not None:
        rows.append(
            ("Local authorities", f"{lap['total']} in England as at {long_date(f['as_at'])}")
        )
    if f.get("coverage"):
        rows.append(
            (
                "Event types in the source",
                ", ".join(fw.EVENT_TYPE_LABELS.get(t, t).lower() for t in f["coverage"]),
            )
        )
    if f.get("framework_mix"):
        rows.append(("Framework of each LA’s most recent inspection", framework_mix_text(f)))
    compare = (f.get("change_since_earlier_inspection") or {}).get("compared_with")
    if compare:
        rows.append(("Change compared with", f"the {compare} ILACS graded inspection"))
    if content.meta.provisional:
        rows.append(("Status", "Provisional"))
    return rows


def _frameworks_table(content: ReleaseContent) -> DataTable:
    f = content.figures
    start, end = date.fromisoformat(f["period"]["start"]), date.fromisoformat(f["as_at"])
    in_force = {v.framework for v in fw.in_force_during(start, end)}
    rows = []
    for v in fw.framework_versions():
        rows.append(
            [
                v.name,
                long_date(v.effective_from.isoformat()),
                long_date(v.effective_to.isoformat()) if v.effective_to else "in force",
                "; ".join(fw.AREA_LABELS.get(j, j).lower() for j in v.judgements),
                "Yes" if v.framework in in_force else "No",
                v.notes,
            ]
        )
    return DataTable(
        "frameworks",
        "Inspection framework versions",
        [
            "Framework",
            "Effective from",
            "Effective to",
            "Judgements",
            "In force during this release’s period",
            "Notes",
        ],
        rows,
    )


def _structural() -> list[str]:
    grouped: dict[date, list[las.LocalAuthority]] = {}
    for day, la in las.structural_changes():
        grouped.setdefault(day, []).append(la)
    out = []
    for day, new in sorted(grouped.items()):
        preds = sorted({p for la in new for p in la.predecessors})
        pred_names = [las.by_code()[p].name if p in las.by_code() else p for p in preds]
        out.append(
            f"From {long_date(day.isoformat())}, {join_names(pred_names)} "
            f"{'was' if len(pred_names) == 1 else 'were'} replaced by "
            f"{join_names([la.name for la in new])}"
        )
    return out


def glossary_terms() -> list[tuple[str, str]]:
    terms = [
        (
            "As at date",
            "The date at which the most recent inspection of each LA is taken "
            "(31 March for the annual release).",
        ),
        ("Care leaver", "A young person aged 16 to 25 who has been in care."),
        ("Child in care", "A child looked after by an LA."),
        (
            "Child protection inspection (CPI)",
            "The framework for inspecting LA child protection arrangements from 2012 to 2013.",
        ),
        (
            "Focused visit",
            "A visit between graded inspections that looks at one or more "
            "aspects of the service, or themes or cohorts of children. It does not result in a "
            "graded judgement.",
        ),
        ("Graded inspection", "A standard or short inspection: both result in graded judgements."),
        (
            "ILACS",
            "Inspections of local authority children’s services: the framework under "
            "which LA children’s services have been inspected since January 2018.",
        ),
        ("In-year", "The period from 1 April to 31 March covered by the in-year dataset."),
        (
            "LA",
            "Local authority: one of the councils responsible for children’s services in England.",
        ),
        (
            "Monitoring visit",
            "A visit to an LA judged inadequate, between its inspections. It "
            "does not result in a graded judgement.",
        ),
        (
            "Overall effectiveness",
            "The overall judgement of an LA’s children’s services at a "
            "graded inspection. ILACS inspections from 1 April 2026 give no overall "
            "effectiveness judgement.",
        ),
        (
            "Percentage point",
            "The difference between two percentages: from 16% to 20% is an "
            "increase of 4 percentage points.",
        ),
        (
            "Pre-release access",
            "Access to the statistics before publication, given to named "
            "post holders under the Pre-release Access to Official Statistics Order 2008.",
        ),
        (
            "Publication cut-off",
            "The last date on which an inspection report can be published "
            "for the inspection to count in the release: 3 calendar months after the as-at date.",
        ),
        (
            "Region",
            "One of Ofsted’s 8 regions. North East and Yorkshire and the Humber form one region.",
        ),
        (
            "Revision",
            "A new version of a release that adds inspections whose reports were "
            "published after the cut-off, or corrects an error.",
        ),
        (
            "Short inspection",
            "A graded inspection, usually of an LA previously judged good or outstanding.",
        ),
        (
            "Single inspection framework (SIF)",
            "The framework for inspecting LA children’s services from 2013 to 2017.",
        ),
        (
            "Standard inspection",
            "A graded inspection, usually of an LA previously judged "
            "requires improvement to be good or inadequate.",
        ),
        (
            "Sub-judgement",
            "A graded judgement of one area at an inspection: "
            + "; ".join(_lower(fw.AREA_LONG_LABELS[a]) for a in fw.SUB_JUDGEMENT_AREAS)
            + ".",
        ),
    ]
    scale = "; ".join(LABELS[j].lower() for j in LABELS)
    terms.append(("Judgement scale", f"The four grades, best first: {scale}."))
    return sorted(terms, key=lambda t: t[0].lower())


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


# --------------------------------------------------------------------------- rendering


def render_pages(
    content: ReleaseContent,
    charts: Sequence[Chart],
    map_chart: Chart | None,
    pre_release: Path = PRE_RELEASE_CSV,
    missing_notes: dict[str, str] | None = None,
    downloads: Sequence[Download] = (),
) -> dict[str, str]:
    """Page name -> HTML, and chart SVGs under charts/ (all in memory, nothing written).
    `downloads`: the release's files the index and the methodology link to."""
    env = environment()
    meta = content.meta
    f = content.figures
    common: dict[str, Any] = {
        "meta": meta,
        "nav": NAV,
        "simulated_warning": SIMULATED_WARNING,
        "publication_date": long_date(meta.publication_date) if meta.publication_date else "",
        "caption": "Official statistics",
        "page_title_suffix": True,
        "downloads": list(downloads),
    }
    findings, blocks, extra, annex = arrange(content, charts, map_chart, missing_notes)
    pages = {}
    pages["index.html"] = env.get_template(TEMPLATES + "index.html.j2").render(
        **common,
        current="index.html",
        page_title="Main findings",
        blocks=blocks,
        extra_charts=extra,
        annex=annex,
    )
    lap = f.get("local_authorities") or {}
    pages["methodology.html"] = env.get_template(TEMPLATES + "methodology.html.j2").render(
        **common,
        current="methodology.html",
        page_title="Methodology report",
        parameters=_parameters(content),
        as_at=long_date(f["as_at"]),
        cutoff=long_date(f["publication_cutoff"]),
        period_start=long_date(f["period"]["start"]),
        period_end=long_date(f["period"]["end"]),
        cutoff_months=_months_between(f["as_at"], f["publication_cutoff"]),
        source_description=_source_name(meta.source_description),
        frameworks_table=_frameworks_table(content),
        notes=list(dict.fromkeys([*(f.get("notes") or []), *meta.notes])),
        structural=_structural(),
        not_yet_inspected=join_names(list(lap.get("not_yet_graded") or [])),
        producer=meta.producer,
        assurer=meta.assurer,
        boundary_source=BOUNDARY_SOURCE,
    )
    pages["glossary.html"] = env.get_template(GLOSSARY).render(
        **common,
        current="glossary.html",
        page_title="Glossary",
        terms=glossary_terms(),
    )
    pages["pre-release-access.html"] = env.get_template(PRE_RELEASE).render(
        **common,
        current="pre-release-access.html",
        page_title="Pre-release access list",
        table=pre_release_table(pre_release),
    )
    placed = [*(c for b in blocks for c in (i.chart for i in b.figures) if c), *extra]
    for chart in placed:
        pages[f"charts/{chart.id}.svg"] = chart.svg
    problems = check_numbers(findings, f)
    if problems:
        raise ReleaseError("the main findings disagree with the figures: " + "; ".join(problems))
    return pages


def _source_name(description: str) -> str:
    """'d2i:/any/where/history.csv' -> 'history.csv (d2i)': no machine path in a page."""
    kind, sep, rest = description.partition(":")
    if not sep or not rest:
        return description
    return f"{Path(rest).name} ({kind})"


def _months_between(start: str, end: str) -> int:
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    return (b.year - a.year) * 12 + b.month - a.month


def write_pages(
    content: ReleaseContent,
    charts: Sequence[Chart],
    map_chart: Chart | None,
    out_dir: Path,
    *,
    pre_release: Path = PRE_RELEASE_CSV,
    missing_notes: dict[str, str] | None = None,
    downloads: Sequence[Download] = (),
) -> list[Path]:
    """Write the pages, chart SVGs and assets into out_dir; return the paths written, sorted.

    Everything is rendered and checked before the first file is written.
    """
    if missing_notes is None:
        missing_notes = _chart_notes(content)
    pages = render_pages(content, charts, map_chart, pre_release, missing_notes, downloads)
    return write_site(pages, out_dir)


def _chart_notes(content: ReleaseContent) -> dict[str, str]:
    """Why a figure is not drawn, from the chart builder where it says so."""
    try:
        from inspection_outcomes.publications.la_outcomes.charts import chart_notes
    except ImportError:
        return {}
    return dict(chart_notes(content))
