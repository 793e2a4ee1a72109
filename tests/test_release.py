"""The complete release: built in a temporary folder, deterministic, checked, with a manifest,
never overwritten without --force; revisions from a later extract."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

OUTCOMES = [sys.executable, "-m", "inspection_outcomes"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*OUTCOMES, *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def history(shared: Path) -> Path:
    return shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, history: Path) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("release")
    outs = []
    for name in ("a", "b"):
        out = root / name
        p = run(
            "release",
            "--as-at",
            "2024-03-31",
            "--compare",
            "first",
            "--source",
            f"d2i:{history}",
            "--corrections",
            "corrections/d2i-ilacs.csv",
            "--out",
            str(out),
            "--producer",
            "A. Producer",
            "--assurer",
            "B. Assurer",
        )
        assert p.returncode == 0, p.stderr
        outs.append(out)
    return outs[0], outs[1]


def test_release_contains_every_part(built: tuple[Path, Path]) -> None:
    out = built[0]
    for name in (
        "figures.json",
        "underlying-data.ods",
        "underlying-data.xlsx",
        "index.html",
        "methodology.html",
        "glossary.html",
        "pre-release-access.html",
        "main-findings.govspeak.md",
        "quality-assurance.html",
        "qa-report.json",
        "manifest.json",
        "vintage/events.parquet",
        "vintage/release.json",
        "la/index.html",
        "la/E10000016.html",
        "assets/la-table.js",
        "data/la_profiles.csv",
        "data/la_inspection_outcomes.csv",
    ):
        assert (out / name).is_file(), name
    assert sorted(p.name for p in (out / "charts").glob("*.svg"))
    assert list((out / "data").glob("*.meta.csv"))


def test_same_inputs_give_byte_identical_files(built: tuple[Path, Path]) -> None:
    a, b = built
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_manifest_lists_every_file_with_its_checksum(built: tuple[Path, Path]) -> None:
    out = built[0]
    manifest = json.loads((out / "manifest.json").read_text())
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert set(listed) == on_disk - {"manifest.json"}
    for path, digest in listed.items():
        assert hashlib.sha256((out / path).read_bytes()).hexdigest() == digest
    assert manifest["status"] == "final"
    assert manifest["producer"] == "A. Producer" and manifest["assurer"] == "B. Assurer"
    assert {i["path"] for i in manifest["inputs"]} == {
        "ofsted_csc_ilacs_history.csv",
        "d2i-ilacs.csv",
    }
    assert manifest["corrections_applied"]


def test_figures_json_equals_the_figures_command(built: tuple[Path, Path], history: Path) -> None:
    p = run(
        "figures",
        "--as-at",
        "2024-03-31",
        "--source",
        f"d2i:{history}",
        "--corrections",
        "corrections/d2i-ilacs.csv",
        "--format",
        "json",
    )
    assert p.returncode == 0
    assert p.stdout == (built[0] / "figures.json").read_text()


def test_existing_release_is_not_overwritten_without_force(
    built: tuple[Path, Path], history: Path
) -> None:
    out = built[0]
    before = (out / "manifest.json").read_bytes()
    p = run("release", "--as-at", "2023-03-31", "--source", f"d2i:{history}", "--out", str(out))
    assert p.returncode == 2
    assert p.stderr.strip() == f"error: {out} exists: use --force to replace it"
    assert (out / "manifest.json").read_bytes() == before
    assert not [q for q in out.parent.iterdir() if q.name.startswith(f".{out.name}.")]


def test_one_person_cannot_both_produce_and_assure(tmp_path: Path, history: Path) -> None:
    out = tmp_path / "r"
    p = run(
        "release",
        "--as-at",
        "2024-03-31",
        "--source",
        f"d2i:{history}",
        "--out",
        str(out),
        "--producer",
        "A. Producer",
        "--assurer",
        "a. producer",
    )
    assert p.returncode == 0, p.stderr
    assert json.loads((out / "manifest.json").read_text())["status"] == "draft"


def test_revision_from_a_later_extract(tmp_path: Path, history: Path) -> None:
    """The 2025 release from the data as they stood at its cut-off, revised from the full data:
    Wakefield's inspection of March 2025, published in July 2025, enters the revision."""
    cut = tmp_path / "cut.csv"
    with history.open(encoding="utf-8") as f, cut.open("w", encoding="utf-8", newline="") as g:
        rows = list(csv.reader(f))
        w = csv.writer(g, lineterminator="\n")
        w.writerow(rows[0])
        for r in rows[1:]:
            if datetime.strptime(r[4], "%d/%m/%y").date() <= date(2025, 6, 30):
                w.writerow(r)
    original = tmp_path / "r2025"
    p = run(
        "release",
        "--as-at",
        "2025-03-31",
        "--compare",
        "previous",
        "--source",
        f"d2i:{cut}",
        "--out",
        str(original),
    )
    assert p.returncode == 0, p.stderr
    p = run("release", "--revise", str(original), "--source", f"d2i:{history}")
    assert p.returncode == 0, p.stderr
    revised = tmp_path / "r2025-revised"
    table = json.loads((revised / "revisions.json").read_text())
    late = [r for r in table["records"]]
    assert [(r["la_name"], r["start"], r["published"]) for r in late] == [
        ("Wakefield", "2025-03-24", "2025-07-18")
    ]
    changed = {r["figure"]: (r["old"], r["new"]) for r in table["figures_changed"]}
    old = json.loads((original / "figures.json").read_text())
    new = json.loads((revised / "figures.json").read_text())
    assert changed["in_year.graded.n"] == (
        old["in_year"]["graded"]["n"],
        old["in_year"]["graded"]["n"] + 1,
    )
    assert new["as_at"] == old["as_at"] == "2025-03-31"
    assert (revised / "revisions.csv").read_text().startswith("figure,original_value,")


def test_a_final_release_never_says_draft(built: tuple[Path, Path]) -> None:
    from python_calamine import CalamineWorkbook

    out = built[0]
    assert json.loads((out / "manifest.json").read_text())["status"] == "final"
    texts = [p.read_text(encoding="utf-8") for p in out.rglob("*.html")]
    texts.append((out / "main-findings.govspeak.md").read_text(encoding="utf-8"))
    for name in ("underlying-data.ods", "underlying-data.xlsx"):
        cover = CalamineWorkbook.from_path(str(out / name)).get_sheet_by_name("Cover")
        texts.append(" ".join(str(c) for r in cover.to_python() for c in r))
    assert texts and not [t for t in texts if "Draft" in t or "not for publication" in t]


def test_the_vintage_records_what_completed_the_records_and_a_revision_asks_for_it(
    tmp_path: Path, history: Path
) -> None:
    """A release completed by the additions ledger says so in its vintage (ledger, records);
    revising it without the ledger is refused with a line naming the option, with it the
    revision is built."""
    additions = Path(__file__).parents[1] / "corrections" / "additions.csv"
    original = tmp_path / "r2022"
    p = run(
        "release",
        "--as-at",
        "2022-03-31",
        "--source",
        f"d2i:{history}",
        "--additions",
        str(additions),
        "--out",
        str(original),
    )
    assert p.returncode == 0, p.stderr
    params = json.loads((original / "vintage" / "release.json").read_text())
    assert params["additions"] == "additions.csv" and params["reports"] is None
    assert params["addition_records"] == sorted(
        r["record"] for r in csv.DictReader(additions.open(encoding="utf-8"))
    )
    refused = run("release", "--revise", str(original), "--source", f"d2i:{history}")
    assert refused.returncode == 2
    assert "give --additions" in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    p = run(
        "release",
        "--revise",
        str(original),
        "--source",
        f"d2i:{history}",
        "--additions",
        str(additions),
    )
    assert p.returncode == 0, p.stderr
    table = json.loads((tmp_path / "r2022-revised" / "revisions.json").read_text())
    assert table["figures_changed"] == []
