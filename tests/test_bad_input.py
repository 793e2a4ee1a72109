"""Bad input: one line naming file, row and field, exit status 2, no traceback, no output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.engine_helpers import event, write_canonical, write_canonical_parquet

OUTCOMES = [sys.executable, "-m", "inspection_outcomes"]

D2I_HEADER = (
    "urn,local_authority,inspection_link,pdf_filename,publication_date,"
    "inspection_framework,inspector_name,inspection_start_date,inspection_end_date,"
    "overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,"
    "in_care_grade,care_leavers_grade,parser_version\n"
)
GOOD_ROW = (
    "80487,barnet,x,r.pdf,23/07/24,standard,A,10/06/2024,21/06/2024,good,good,good,good,good,1\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*OUTCOMES, *args], capture_output=True, text=True, timeout=120)


def figures(source: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return run("figures", "--as-at", "2024-03-31", "--source", source, "--format", "json", *extra)


def assert_one_line_error(p: subprocess.CompletedProcess[str], expected: str) -> None:
    assert p.returncode == 2, p.stderr
    assert p.stdout == ""
    assert "Traceback" not in p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert lines[0] == f"error: {expected}"


def d2i(tmp_path: Path, *rows: str, header: str = D2I_HEADER) -> str:
    path = tmp_path / "h.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    return f"d2i:{path}"


def test_missing_file(tmp_path: Path) -> None:
    assert_one_line_error(
        figures(f"d2i:{tmp_path}/nope.csv"), f"{tmp_path}/nope.csv: no such file or folder"
    )


def test_unknown_source_kind(tmp_path: Path) -> None:
    assert_one_line_error(
        figures(f"excel:{tmp_path}"),
        f"source 'excel:{tmp_path}' is not KIND:PATH with KIND one of d2i, canonical, "
        "reports, simulated",
    )


def test_wrong_file_missing_columns(tmp_path: Path) -> None:
    src = d2i(tmp_path, "1,2\n", header="a,b\n")
    assert_one_line_error(
        figures(src),
        f"{tmp_path}/h.csv: not a D2I ILACS history file: "
        "missing column(s) urn, local_authority, pdf_filename, "
        "publication_date, inspection_framework, inspection_start_date, "
        "inspection_end_date, overall_effectiveness_grade, "
        "impact_of_leaders_grade, help_and_protection_grade, in_care_grade, "
        "care_leavers_grade",
    )


def test_bad_date(tmp_path: Path) -> None:
    src = d2i(tmp_path, GOOD_ROW.replace("10/06/2024", "2024-06-10"))
    assert_one_line_error(
        figures(src),
        f"{tmp_path}/h.csv, row 2, field "
        "'inspection_start_date': '2024-06-10' is not a date (DD/MM/YYYY "
        "expected)",
    )


def test_impossible_date_order(tmp_path: Path) -> None:
    src = d2i(tmp_path, GOOD_ROW.replace("21/06/2024", "01/06/2024"))
    assert_one_line_error(
        figures(src),
        f"{tmp_path}/h.csv, row 2, field "
        "'inspection_end_date': inspection ends (2024-06-01) before it starts "
        "(2024-06-10)",
    )


def test_unknown_la(tmp_path: Path) -> None:
    src = d2i(tmp_path, GOOD_ROW.replace("barnet", "atlantis"))
    assert_one_line_error(
        figures(src),
        f"{tmp_path}/h.csv, row 2, field 'local_authority': "
        "unknown local authority 'atlantis' (not in the LA reference table)",
    )


def test_duplicated_report(tmp_path: Path) -> None:
    src = d2i(tmp_path, GOOD_ROW, GOOD_ROW)
    assert_one_line_error(
        figures(src),
        f"{tmp_path}/h.csv, row 3, field 'publication_date': "
        "duplicate report: same LA and publication date as row 2",
    )


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_bytes((D2I_HEADER + GOOD_ROW.replace("barnet", "barnét")).encode("latin-1"))
    p = figures(f"d2i:{path}")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert p.stderr.startswith(f"error: {path}: not UTF-8 text")


@pytest.mark.parametrize("suffix,grade", [(".csv", "great"), (".parquet", "Good")])
def test_canonical_bad_grade(tmp_path: Path, suffix: str, grade: str) -> None:
    """Parquet with the canonical types is checked by the warehouse's counts over columns;
    the row and field are then named as for CSV."""
    rows = [
        event(1, "E09000003", "2023-05-01", "2023-07-01"),
        event(2, "E09000003", "2023-09-01", "2023-10-01", overall_effectiveness=grade),
    ]
    write = write_canonical if suffix == ".csv" else write_canonical_parquet
    src = write(tmp_path / f"e{suffix}", rows)
    assert_one_line_error(
        figures(f"canonical:{src}"),
        f"{src}, row 3, field "
        f"'overall_effectiveness': '{grade}' is not valid (one of outstanding, "
        "good, requires_improvement, inadequate or empty expected)",
    )


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_canonical_duplicate_event_id(tmp_path: Path, suffix: str) -> None:
    rows = [
        event(1, "E09000003", "2023-05-01", "2023-07-01"),
        event(2, "E09000007", "2023-09-01", "2023-10-01"),
        event(1, "E09000003", "2023-05-01", "2023-07-01"),
    ]
    write = write_canonical if suffix == ".csv" else write_canonical_parquet
    src = write(tmp_path / f"e{suffix}", rows)
    assert_one_line_error(
        figures(f"canonical:{src}"), f"{src}, field 'event_id': duplicate event_id 't1'"
    )


def test_canonical_parquet_unknown_la_code(tmp_path: Path) -> None:
    rows = [
        event(1, "E09000003", "2023-05-01", "2023-07-01"),
        event(2, "E99999999", "2023-05-01", "2023-07-01"),
    ]
    src = write_canonical_parquet(tmp_path / "e.parquet", rows)
    assert_one_line_error(
        figures(f"canonical:{src}"),
        "e.parquet, row 3, field 'la_code': "
        "unknown local authority code 'E99999999' (not in the LA reference "
        "table)",
    )


def test_canonical_bad_date(tmp_path: Path) -> None:
    rows = [event(1, "E09000003", "2023-05-01", "2023-07-01")]
    rows[0]["publication_date"] = "01/07/2023"
    src = write_canonical(tmp_path / "e.csv", rows)
    assert_one_line_error(
        figures(f"canonical:{src}"),
        f"{src}, row 2, field "
        "'publication_date': '01/07/2023' is not valid (an ISO date "
        "YYYY-MM-DD expected)",
    )


def test_canonical_unknown_la_code(tmp_path: Path) -> None:
    src = write_canonical(tmp_path / "e.csv", [event(1, "E99999999", "2023-05-01", "2023-07-01")])
    assert_one_line_error(
        figures(f"canonical:{src}"),
        "e.csv, row 2, field 'la_code': "
        "unknown local authority code 'E99999999' (not in the LA reference "
        "table)",
    )


def test_bad_as_at_date(tmp_path: Path) -> None:
    src = write_canonical(tmp_path / "e.csv", [event(1, "E09000003", "2023-05-01", "2023-07-01")])
    p = run("figures", "--as-at", "31/03/2024", "--source", f"canonical:{src}")
    assert_one_line_error(p, "--as-at '31/03/2024' is not a date (YYYY-MM-DD expected)")


@pytest.mark.parametrize(
    "row,field,expected",
    [
        (
            "d2i:1:2024-01-01,overall_effectiveness,,great,report.pdf says so,2026-11-23",
            "corrected_value",
            "corrected value 'great' is not a judgement (outstanding, good, "
            "requires_improvement, inadequate)",
        ),
        (
            "d2i:1:2024-01-01,colour,,red,report.pdf,2026-11-23",
            "field",
            "'colour' is not a correctable field",
        ),
        (
            "d2i:1:2024-01-01,overall_effectiveness,,good,,2026-11-23",
            "evidence",
            "empty (every correction needs it)",
        ),
    ],
)
def test_bad_corrections_ledger(tmp_path: Path, row: str, field: str, expected: str) -> None:
    ledger = tmp_path / "c.csv"
    ledger.write_text(
        "record,field,value_found,corrected_value,evidence,date\n" + row + "\n", encoding="utf-8"
    )
    p = figures(d2i(tmp_path, GOOD_ROW), "--corrections", str(ledger))
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert p.stderr.startswith(f"error: {ledger}, row 2, field '{field}': {expected}")


@pytest.mark.parametrize("duplicated", [True, False])
def test_duplicates_found_by_sorting_hashes_as_in_a_large_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, duplicated: bool
) -> None:
    """The check a large source takes (hashes sorted, then identifiers compared) finds the
    duplicate, and passes identifiers that are all different."""
    from datetime import date

    from inspection_outcomes.errors import InputError
    from inspection_outcomes.publications.la_outcomes.engine import run_engine
    from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
    from inspection_outcomes.store import inspections as warehouse

    monkeypatch.setattr(warehouse, "LARGE_SOURCE", 0)
    rows = [event(n, "E09000003", f"20{10 + n}-05-01", f"20{10 + n}-07-01") for n in (1, 2, 3)]
    if duplicated:
        rows.append(event(2, "E09000007", "2023-05-01", "2023-07-01"))
    src = write_canonical_parquet(tmp_path / "e.parquet", rows)
    spec = ReleaseSpec.for_date(date(2024, 3, 31))
    if duplicated:
        with pytest.raises(InputError, match="duplicate event_id 't2'"):
            run_engine(f"canonical:{src}", spec)
    else:
        assert run_engine(f"canonical:{src}", spec).figures["local_authorities"]["total"] == 153


@pytest.mark.shared
def test_in_year_data_for_another_year_than_the_release(shared: Path, tmp_path: Path) -> None:
    providers = shared / "data" / "providers"
    csv_2024 = providers / "provider_level_at_31_march_2024.csv"
    ods_2025 = providers / "childrens_social_care_data_2025_provider_level.ods"
    args = [
        "--as-at",
        "2024-03-31",
        "--source",
        f"ofsted-providers:{csv_2024}",
        "--in-year-source",
        f"ofsted-providers:{ods_2025}",
    ]
    for command in (["figures", "--format", "json"], ["release", "--out", str(tmp_path / "r")]):
        p = run("providers", *command, *args)
        assert_one_line_error(
            p,
            f"{ods_2025}, field '--in-year-source': holds in-year data for 2024-25 (1 April "
            "2024 to 31 March 2025), but the release as at 31 March 2024 is for 2023-24 (1 "
            "April 2023 to 31 March 2024): give that year's in-year data, or "
            "--allow-other-period to publish these with this release",
        )
        assert not (tmp_path / "r").exists()
    asked = run("providers", "figures", "--format", "json", *args, "--allow-other-period")
    assert asked.returncode == 0, asked.stderr
    assert '"start": "2024-04-01"' in asked.stdout
