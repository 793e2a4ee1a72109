"""The views for people that `figures` and `check` print with `--format table`."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT
from tests.engine_helpers import event, write_canonical
from tests.test_bad_input import run


def test_figures_and_check_print_their_views_for_people(tmp_path: Path) -> None:
    src = write_canonical(
        tmp_path / "events.csv", [event(1, "E09000003", "2023-05-01", "2023-07-01")]
    )
    args = ["--as-at", "2024-03-31", "--source", f"canonical:{src}", "--format", "table"]
    shown = run("figures", *args)
    assert shown.returncode == 0, shown.stderr
    assert "LAs: 153, graded 1;" in shown.stdout
    checked = run("check", *args)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("Quality assurance: release as at 2024-03-31")


def test_check_prints_its_summary_first_and_the_details_on_request(shared: Path) -> None:
    source = f"d2i:{shared / 'data' / 'ilacs' / 'ofsted_csc_ilacs_history.csv'}"
    args = [
        "--as-at",
        "2024-03-31",
        "--source",
        source,
        "--corrections",
        str(ROOT / "corrections" / "d2i-ilacs.csv"),
    ]
    summary = run("check", *args)
    assert summary.returncode == 0, summary.stderr
    lines = " ".join(summary.stdout.split())  # as read, whatever the terminal wraps
    assert "Corrections: 84 applied, 0 not applied" in lines
    assert "(applied); evidence:" not in lines  # no correction listed one by one
    assert re.search(r"Anomalies in the source: \d+ \(\d+ grade not read by the source;", lines)
    assert len(summary.stdout.splitlines()) < 40
    detailed = run("check", *args, "--verbose")
    assert detailed.returncode == 0, detailed.stderr
    assert detailed.stdout.startswith(summary.stdout.split("Details of each")[0])
    assert " ".join(detailed.stdout.split()).count("(applied); evidence:") == 84
