"""`outcomes la NAME`: one LA's profile (the LA explorer's engine), for people or as JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from inspection_outcomes.cli.apps import app
from inspection_outcomes.cli.options import (
    Additions,
    AsAt,
    Corrections,
    Cutoff,
    Format,
    Reports,
    Source,
    check_format,
    parse_date,
    required_date,
    user_errors,
)

Name = Annotated[
    str,
    typer.Argument(
        help="An LA's name (case and punctuation forgiving), GSS code, old LA code or Ofsted URN."
    ),
]
NeighboursFile = Annotated[
    Path | None,
    typer.Option(
        "--neighbours",
        help="Statistical neighbours: the D2I tool's la_lookup.csv (default: "
        "la_lookup.csv beside a d2i: source file).",
    ),
]


@app.command()
@user_errors
def la(
    name: Name,
    *,
    as_at: AsAt,
    source: Source,
    corrections: Corrections = None,
    reports: Reports = None,
    additions: Additions = None,
    cutoff: Cutoff = None,
    neighbours: NeighboursFile = None,
    format: Format = "table",
) -> None:
    """One LA's profile: inspections, history, neighbours, next inspection and standing."""
    from inspection_outcomes.publications.la_outcomes.engine import open_warehouse
    from inspection_outcomes.publications.la_outcomes.profiles.build import build_profiles
    from inspection_outcomes.publications.la_outcomes.profiles.directory import LaDirectory
    from inspection_outcomes.publications.la_outcomes.profiles.neighbours import (
        neighbour_source,
    )
    from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec

    check_format(format)
    spec = ReleaseSpec.for_date(
        required_date(as_at, "--as-at"), cutoff=parse_date(cutoff, "--cutoff")
    )
    wh = open_warehouse(source, corrections, reports=reports, additions=additions)
    directory = LaDirectory.of(wh)
    found = directory.find(name, spec.as_at)
    profiles = build_profiles(
        wh,
        spec,
        neighbour_source(wh, directory, neighbours),
        directory=directory,
        only=[found.la_code],
    )
    if format == "json":
        from inspection_outcomes.core.figures_json import dumps_figures
        from inspection_outcomes.publications.la_outcomes.profiles.as_json import profile_json

        sys.stdout.write(dumps_figures(profile_json(profiles, found.la_code)))
    else:
        from inspection_outcomes.publications.la_outcomes.profiles.view import print_profile

        print_profile(profiles, found.la_code)
