"""The `outcomes` command: parses arguments and calls the layers; no rules live here.

One module per command group: la_outcomes (figures, check, release, simulate, demo), la
(one LA's profile), providers, reports; the options they share are declared once in options.py.
"""

from __future__ import annotations

import os

# numpy (which sorts the hashes of a large source's identifiers) would start a BLAS thread
# pool whose threads spin beside DuckDB's for a while: 1% of the processor time of figures
# over ten million events. No command does linear algebra.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from inspection_outcomes.cli import la, la_outcomes, providers, reports  # noqa: F401
from inspection_outcomes.cli.apps import app

__all__ = ["app"]
