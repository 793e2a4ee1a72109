"""Errors a user can act on: each names the file, row and field, and what was expected."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input. The CLI prints the message on one line and exits non-zero (no traceback)."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file = str(file) if file is not None else None
        self.row = row
        self.field = field
        self.detail = message
        super().__init__(self.render())

    def render(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        prefix = ", ".join(where)
        return f"{prefix}: {self.detail}" if prefix else self.detail


class ReleaseError(Exception):
    """A release cannot be built as asked (existing output, failed consistency check...)."""
