"""The `outcomes` command and its groups (each group's commands are in a module of its own)."""

from __future__ import annotations

import typer

from inspection_outcomes import __version__

app = typer.Typer(
    name="outcomes",
    help="Official statistics on inspections of children's social care in England.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
providers_app = typer.Typer(
    help="Children's homes and other social care providers.", no_args_is_help=True
)
reports_app = typer.Typer(help="Published inspection reports (PDF).", no_args_is_help=True)
app.add_typer(providers_app, name="providers")
app.add_typer(reports_app, name="reports")


@app.callback(invoke_without_command=True)
def main(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        print(__version__)
        raise typer.Exit()
