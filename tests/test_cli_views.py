"""The views for people that `figures` and `check` print with `--format table`."""

from __future__ import annotations

from pathlib import Path

from tests.engine_helpers import event, write_canonical
from tests.test_bad_input import run


def test_figures_and_check_print_their_views_for_people(tmp_path: Path) -> None:
    src = write_canonical(tmp_path / "events.csv",
                          [event(1, "E09000003", "2023-05-01", "2023-07-01")])
    args = ["--as-at", "2024-03-31", "--source", f"canonical:{src}", "--format", "table"]
    shown = run("figures", *args)
    assert shown.returncode == 0, shown.stderr
    assert "LAs: 153, graded 1;" in shown.stdout
    checked = run("check", *args)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("Quality assurance: release as at 2024-03-31")
