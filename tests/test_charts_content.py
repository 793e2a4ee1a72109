"""Release content for the chart and map tests, from the engine.

Real: the D2I history as at 31 March 2024 (graded inspections only, so no focused visits).
Simulated: a simulated country as at 31 March 2024 (all event types, focused visit themes).
"""

from __future__ import annotations

import copy
import tempfile
from datetime import date
from functools import cache
from pathlib import Path

from inspection_outcomes.core.content import ReleaseContent
from tests.conftest import require_shared

AS_AT = date(2024, 3, 31)


@cache
def _real(history: str) -> ReleaseContent:
    from inspection_outcomes.publications.la_outcomes.engine import (
        build_release_content,
        run_engine,
    )
    from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec

    run = run_engine(f"d2i:{history}", ReleaseSpec.for_date(AS_AT))
    return build_release_content(run, publication_date="2024-08-30")


def real_content() -> ReleaseContent:
    """The engine's release from the real history (built once a session)."""
    history = require_shared() / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    return copy.deepcopy(_real(str(history)))


@cache
def _simulated() -> ReleaseContent:
    from inspection_outcomes.publications.la_outcomes.engine import (
        build_release_content,
        run_engine,
    )
    from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
    from inspection_outcomes.simulate.output import build

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sim"
        build(folder, seed=7, end=AS_AT)
        run = run_engine(f"simulated:{folder}", ReleaseSpec.for_date(AS_AT))
        return build_release_content(run)


def simulated_content() -> ReleaseContent:
    """The engine's release from a simulated country (seed 7)."""
    return copy.deepcopy(_simulated())


def test_simulated_content_has_focused_visit_themes() -> None:
    content = simulated_content()
    assert content.meta.simulated
    themes = content.figures["in_year"]["focused_visits"]["themes_percent"]
    assert any(v is not None for v in themes.values())
