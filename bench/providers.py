"""Benchmark: reading Ofsted's provider-level ODS (all tables) into canonical records."""

from __future__ import annotations

import time
from pathlib import Path

from inspection_outcomes.sources.ofsted_providers import read_provider_source


def bench_read_providers_ods(path: str | Path) -> float:
    """Seconds to read the provider-level ODS into canonical records (target: at most ~3 s)."""
    start = time.perf_counter()
    source = read_provider_source(path)
    elapsed = time.perf_counter() - start
    if not source.providers:
        raise RuntimeError(f"{path}: no provider-level records read")
    return elapsed


if __name__ == "__main__":
    import sys

    print(f"{bench_read_providers_ods(sys.argv[1]):.2f} s")
