"""A ReleaseContent for the page and text tests, from the published 2024 figures.

The published figures hold percents where the release printed only percents; counts are
derived from them here (test data only), so every block has counts as the engine gives them.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from inspection_outcomes.core.content import ReleaseContent, ReleaseMeta
from inspection_outcomes.model.scale import JUDGEMENTS, percent


def _round_half_up(x: float) -> int:
    return int(x + 0.5)


def _complete(block: dict[str, Any]) -> None:
    n, pcts = block.get("n"), block.get("percent")
    if not n or not pcts:
        return
    counts = block.setdefault("counts", {j: _round_half_up(pcts[j] * n / 100) for j in JUDGEMENTS})
    block.setdefault(
        "good_or_outstanding_percent", percent(counts["outstanding"] + counts["good"], n)
    )


def published_figures(shared: Path) -> dict[str, Any]:
    figures = json.loads((shared / "spec" / "published" / "ilacs_2024.json").read_text("utf-8"))
    figures.pop("_source", None)
    for key in ("by_region", "sub_judgements", "earlier_as_at"):
        for block in figures[key].values():
            _complete(block)
    _complete(figures["overall_effectiveness"])
    return figures


def published_content(shared: Path, simulated: bool = False, final: bool = False) -> ReleaseContent:
    """The published figures as a release's content: a draft unless `final` (signed off by a
    producer and a different assurer)."""
    meta = ReleaseMeta(
        title="Local authority inspection outcomes as at 31 March 2024",
        release_kind="la",
        simulated=simulated,
        publication_date="2024-08-30",
        producer="A. Producer" if final else None,
        assurer="B. Assurer" if final else None,
    )
    return ReleaseContent(meta=meta, figures=copy.deepcopy(published_figures(shared)))


@cache
def _engine_content(history: str) -> ReleaseContent:
    from inspection_outcomes.publications.la_outcomes.engine import (
        build_release_content,
        run_engine,
    )
    from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec

    run = run_engine(f"d2i:{history}", ReleaseSpec.for_date(date(2024, 3, 31)))
    return build_release_content(run, publication_date="2024-08-30")


def engine_content(shared: Path) -> ReleaseContent:
    """The engine's release as at 31 March 2024 from the real history (built once a session)."""
    history = shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    return copy.deepcopy(_engine_content(str(history)))
