"""Commands of the providers release (children's homes and other providers): figures, release."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from inspection_outcomes.cli.apps import providers_app
from inspection_outcomes.cli.options import (
    AllowOtherPeriod,
    AsAt,
    Assurer,
    Force,
    Format,
    Out,
    PeriodEnd,
    PeriodStart,
    Producer,
    ProviderSource,
    PublicationDate,
    check_format,
    parse_date,
    print_release,
    required_date,
    user_errors,
)
from inspection_outcomes.errors import InputError

InYearSource = Annotated[
    str | None,
    typer.Option(
        "--in-year-source",
        help="In-year data (ofsted-providers:PATH); default: --source if it has an in-year table.",
    ),
]
PreviousSource = Annotated[
    str | None,
    typer.Option(
        "--previous-source",
        help="Provider-level data as at an earlier date, a year before (ofsted-providers:PATH): "
        "the change since then, and joiners and leavers where --source has no table of them.",
    ),
]
SectorRuleOption = Annotated[
    str,
    typer.Option(
        "--sector-rule",
        help="trusts_as_la (homes run by trusts for an LA count as LA) or as_recorded.",
    ),
]


@providers_app.command("figures")
@user_errors
def providers_figures(
    as_at: AsAt,
    source: ProviderSource,
    in_year_source: InYearSource = None,
    period_start: PeriodStart = None,
    period_end: PeriodEnd = None,
    sector_rule: SectorRuleOption = "trusts_as_la",
    allow_other_period: AllowOtherPeriod = False,
    previous_source: PreviousSource = None,
    format: Format = "json",
) -> None:
    """Print the providers release figures (figures.md) as JSON or as tables."""
    import json

    from inspection_outcomes.publications.providers import figures as pf

    check_format(format)
    figures, _ = _providers_figures(
        as_at,
        source,
        in_year_source,
        period_start,
        period_end,
        sector_rule,
        allow_other_period,
        previous_source,
    )
    if format == "json":
        print(json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False))
    else:
        from rich.console import Console

        console = Console()
        for table in pf.figures_tables(figures):
            console.print(table)


def _providers_figures(
    as_at: str,
    source: str,
    in_year_source: str | None,
    period_start: str | None,
    period_end: str | None,
    sector_rule: str,
    allow_other_period: bool,
    previous_source: str | None = None,
) -> tuple[dict[str, Any], list[Path]]:
    """The providers figures from the options, and the source files they were read from."""
    from inspection_outcomes.model.providers import SECTOR_RULES, SectorRule
    from inspection_outcomes.publications.providers import figures as pf
    from inspection_outcomes.sources import PROVIDER_SOURCE_KINDS, parse_spec
    from inspection_outcomes.sources.ofsted_providers import read_provider_source

    if sector_rule not in SECTOR_RULES:
        raise InputError(
            f"expected one of {', '.join(SECTOR_RULES)}, not '{sector_rule}'", field="--sector-rule"
        )
    as_at_day = required_date(as_at, "--as-at")
    paths = [Path(parse_spec(source, PROVIDER_SOURCE_KINDS).path)]
    src = read_provider_source(paths[0])
    in_year = None
    if in_year_source:
        paths.append(Path(parse_spec(in_year_source, PROVIDER_SOURCE_KINDS).path))
        in_year = read_provider_source(paths[-1])
    previous = None
    if previous_source:
        paths.append(Path(parse_spec(previous_source, PROVIDER_SOURCE_KINDS).path))
        previous = read_provider_source(paths[-1])
    figures = pf.build_figures(
        src,
        as_at_day,
        in_year,
        parse_date(period_start, "--period-start"),
        parse_date(period_end, "--period-end"),
        SectorRule(sector_rule),
        allow_other_period=allow_other_period,
        previous=previous,
    )
    return figures, paths


@providers_app.command("release")
@user_errors
def providers_release(
    as_at: AsAt,
    source: ProviderSource,
    out: Out,
    in_year_source: InYearSource = None,
    force: Force = False,
    period_start: PeriodStart = None,
    period_end: PeriodEnd = None,
    sector_rule: SectorRuleOption = "trusts_as_la",
    producer: Producer = None,
    assurer: Assurer = None,
    publication_date: PublicationDate = None,
    allow_other_period: AllowOtherPeriod = False,
    previous_source: PreviousSource = None,
) -> None:
    """The complete providers release: data, spreadsheets, CSV, findings page, charts."""
    from inspection_outcomes.core.assembler import refuse_existing
    from inspection_outcomes.publications.providers.release import write_providers_release

    parse_date(publication_date, "--publication-date")
    refuse_existing(out, force)  # before the sources are read
    figures, paths = _providers_figures(
        as_at,
        source,
        in_year_source,
        period_start,
        period_end,
        sector_rule,
        allow_other_period,
        previous_source,
    )
    result = write_providers_release(
        figures,
        out,
        inputs=paths,
        force=force,
        producer=producer,
        assurer=assurer,
        publication_date=publication_date,
    )
    print_release(result)
