"""Source adapters: each reads one format and yields canonical records.

A source is named on the command line as KIND:PATH, e.g. ``d2i:history.csv``,
``canonical:events.parquet``, ``reports:DIR``, ``ofsted-providers:data.ods``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inspection_outcomes.errors import InputError

LA_SOURCE_KINDS = ("d2i", "canonical", "reports", "simulated")
PROVIDER_SOURCE_KINDS = ("ofsted-providers",)


@dataclass(frozen=True)
class SourceSpec:
    kind: str
    path: Path

    def __str__(self) -> str:
        return f"{self.kind}:{self.path}"


def parse_spec(text: str, kinds: tuple[str, ...] = LA_SOURCE_KINDS) -> SourceSpec:
    """Parse KIND:PATH; the path must exist."""
    kind, sep, path = text.partition(":")
    if not sep or kind not in kinds:
        raise InputError(f"source '{text}' is not KIND:PATH with KIND one of {', '.join(kinds)}")
    p = Path(path)
    if not p.exists():
        raise InputError("no such file or folder", file=p)
    return SourceSpec(kind, p)
