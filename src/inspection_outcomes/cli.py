"""The `outcomes` command: parses arguments and calls the layers; no rules live here."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import typer

from inspection_outcomes import __version__
from inspection_outcomes.errors import InputError, ReleaseError

app = typer.Typer(
    name="outcomes",
    help="Official statistics on inspections of children's social care in England.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
providers_app = typer.Typer(help="Children's homes and other social care providers.",
                            no_args_is_help=True)
reports_app = typer.Typer(help="Published inspection reports (PDF).", no_args_is_help=True)
app.add_typer(providers_app, name="providers")
app.add_typer(reports_app, name="reports")

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    """Turn InputError/ReleaseError into one line on stderr and exit status 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (InputError, ReleaseError) as e:
            print(f"error: {e}", file=sys.stderr)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


@app.callback(invoke_without_command=True)
def main(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        print(__version__)
        raise typer.Exit()
