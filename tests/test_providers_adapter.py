"""The provider-level source adapter: title rows, header variants, encodings, values, errors."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from inspection_outcomes.model import providers as pm
from inspection_outcomes.sources.ofsted_providers import decode_text, read_provider_source
from tests.providers_support import CSV_2024, ODS_2025, data_file, run_cli, source

TITLE = "Children's social care data in England 2024 – Provider level as at 31 March 2024"
HEADER = [
    "Web link",
    "URN",
    "Provision type",
    "Registration date",
    "Registration status",
    "Name",
    "Address 1",
    "Postcode",
    "Ofsted region",
    "Local authority",
    "Sector",
    "Places",
    "Organisation which owns the provider",
    "Latest full inspection event type",
    "Latest full inspection date",
    "Latest full inspection publication date",
    "Overall experiences and progress of children and young people",
    "How well children and young people are helped and protected",
    "The effectiveness of leaders and managers",
]
ROW = [
    "link",
    "SC000001",
    "Children’s Home",
    "01/02/2015",
    "Active",
    "Larkspur Cottage",
    "12 Quiet Lane",
    "ZZ9 9ZZ",
    "London",
    "Lewisham",
    "Voluntary",
    "4",
    "Slough Children First Limited",
    "Full Inspection",
    "05/06/2023",
    "17/07/2023",
    "Good",
    "Requires improvement to be good",
    "Outstanding",
]


def write_csv(
    path: Path,
    header: list[str] = HEADER,
    rows: list[list[str]] | None = None,
    encoding: str = "utf-8",
) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([TITLE])
    w.writerow(["This worksheet contains one table."])
    w.writerow([])
    w.writerow(header)
    w.writerows(rows if rows is not None else [ROW])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


# --- real files ------------------------------------------------------------------------------


@pytest.mark.shared
def test_real_csv_title_rows_encoding_and_provision_types() -> None:
    path = data_file(CSV_2024)
    src = source(CSV_2024)
    assert src.encoding == "mac_roman"
    assert src.providers_as_at == date(2024, 3, 31)  # from the title row
    providers = src.providers or []
    assert providers[0].source_row == 5  # three title rows, then the header
    text, _ = decode_text(path.read_bytes())
    assert len(providers) == len(text.splitlines()) - 4
    assert "2024 – Provider level" in text.splitlines()[0]
    # "Children's home" and "Children's Home" are one provision type
    spellings = Counter(
        r[3] for r in csv.reader(io.StringIO(text)) if r[3:4] and r[3].lower() == "children's home"
    )
    assert len(spellings) == 2
    assert sum(p.provision_type == "childrens_home" for p in providers) == sum(spellings.values())
    assert {p.latest_event_type for p in providers} == {"full_inspection", "monitoring_inspection"}


@pytest.mark.shared
def test_real_ods_tables_dates_and_event_types() -> None:
    src = source(ODS_2025)
    assert set(src.tables) == {"latest", "events", "register", "joiners_leavers"}
    assert src.events_period == (date(2024, 4, 1), date(2025, 3, 31))
    events = src.events or []
    # the sheet writes "Full Inspection" and "Monitoring Inspection" as well
    assert {e.event_type for e in events} == {
        "full_inspection",
        "monitoring_inspection",
        "assurance_visit",
    }
    assert all(isinstance(e.inspection_date, date) for e in events)
    assert all(
        date(2024, 4, 1) <= e.inspection_date <= date(2025, 3, 31)
        for e in events
        if e.inspection_date
    )
    providers = src.providers or []
    # number cells read as whole numbers, text URNs ("SC...") as written
    assert not any(p.urn.endswith(".0") for p in providers)
    assert sum(p.urn.isdigit() for p in providers) > len(providers) / 2
    assert {p.sa_outcome for p in providers} >= {
        "consistently_strong",
        "inconsistent_quality",
        "serious_or_widespread_weaknesses",
    }


@pytest.mark.shared
def test_ods_reads_within_three_seconds() -> None:
    from bench.providers import bench_read_providers_ods

    assert bench_read_providers_ods(data_file(ODS_2025)) < 6.0  # target ~3 s, slack for CI


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "mac_roman"])
def test_encodings_decode_curly_apostrophes_and_dashes(encoding: str) -> None:
    text = "Children’s home – Provider level, £5\n"
    decoded, used = decode_text(text.encode(encoding))
    assert decoded == text
    assert used == encoding


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "mac_roman"])
def test_csv_in_any_encoding_gives_the_same_records(tmp_path: Path, encoding: str) -> None:
    src = read_provider_source(write_csv(tmp_path / "p.csv", encoding=encoding))
    (p,) = src.providers or []
    assert p.provision_type == "childrens_home"
    assert p.latest_event_type == "full_inspection"


# --- header variants and values --------------------------------------------------------------


def test_header_variants_line_breaks_capitals_spaces(tmp_path: Path) -> None:
    header = [
        h.upper() if i % 3 == 0 else f"\n{h}  " if i % 3 == 1 else h.replace(" ", "  ")
        for i, h in enumerate(HEADER)
    ]
    src = read_provider_source(write_csv(tmp_path / "p.csv", header=header))
    (p,) = src.providers or []
    assert (p.urn, p.ofsted_region, p.local_authority, p.places) == (
        "SC000001",
        "London",
        "Lewisham",
        4,
    )
    assert (p.overall, p.help_and_protection, p.leaders_and_managers) == (
        "good",
        "requires_improvement",
        "outstanding",
    )
    assert (p.registration_date, p.latest_inspection_date, p.latest_publication_date) == (
        date(2015, 2, 1),
        date(2023, 6, 5),
        date(2023, 7, 17),
    )
    assert (p.sector, p.la_trust) == ("voluntary", True)


def test_xlsx_with_date_cells_and_serial_numbers(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "p.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Provider_level")
    dates = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write(0, 0, TITLE)
    for c, h in enumerate(HEADER):
        ws.write(2, c, h)
    for c, v in enumerate(ROW):
        ws.write(3, c, v)
    ws.write_number(3, 1, 1234567)
    ws.write_datetime(3, 3, datetime(2015, 2, 1), dates)
    ws.write_number(3, 14, 45082)  # a date as a bare serial number: 2023-06-05
    ws.write_number(3, 11, 4)
    wb.close()
    (p,) = read_provider_source(path).providers or []
    assert (p.urn, p.registration_date, p.latest_inspection_date, p.places) == (
        "1234567",
        date(2015, 2, 1),
        date(2023, 6, 5),
        4,
    )
    assert (p.source_table, p.source_row) == ("Provider_level", 4)


def test_canonical_records_hold_no_names_or_addresses(tmp_path: Path) -> None:
    for schema in (pm.PROVIDER_SCHEMA, pm.EVENT_SCHEMA, pm.JOINER_LEAVER_SCHEMA):
        cols = {c for c, _, _ in schema}
        assert not any(
            w in c
            for c in cols
            for w in ("name", "address", "postcode", "town", "county", "organisation")
        )
    src = read_provider_source(write_csv(tmp_path / "p.csv"))
    values = {str(v) for p in src.providers or [] for v in p.as_row()}
    assert not values & {
        "Larkspur Cottage",
        "12 Quiet Lane",
        "ZZ9 9ZZ",
        "Slough Children First Limited",
        "link",
    }


# --- errors: one line, file/row/field, exit status 2 -----------------------------------------


def figures(monkeypatch: pytest.MonkeyPatch, path: Path) -> tuple[int, str, str]:
    r = run_cli(
        monkeypatch,
        "--as-at",
        "2024-03-31",
        "--source",
        f"ofsted-providers:{path}",
        "--format",
        "json",
    )
    return r.exit_code, r.stdout, r.stderr


def test_wrong_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert figures(monkeypatch, path) == (
        2,
        "",
        f"error: {path}: not a provider-level file: no header row with 'URN' and "
        "'Provision type' in the first 20 rows of any sheet\n",
    )


def test_missing_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    i = HEADER.index("Latest full inspection date")
    path = write_csv(
        tmp_path / "p.csv", header=HEADER[:i] + HEADER[i + 1 :], rows=[ROW[:i] + ROW[i + 1 :]]
    )
    assert figures(monkeypatch, path) == (
        2,
        "",
        f"error: {path}, row 4, field 'latest full inspection date': missing column "
        "in the header row\n",
    )


def test_bad_date_through_a_real_process(tmp_path: Path) -> None:
    row = list(ROW)
    row[HEADER.index("Latest full inspection date")] = "31/02/2023"
    path = write_csv(tmp_path / "p.csv", rows=[ROW, row])
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "inspection_outcomes",
            "providers",
            "figures",
            "--as-at",
            "2024-03-31",
            "--source",
            f"ofsted-providers:{path}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (p.returncode, p.stdout) == (2, "")
    assert p.stderr == (
        f"error: {path}, row 6, field 'Latest full inspection date': "
        "expected a date as day/month/year\n"
    )


def test_errors_never_quote_names_or_addresses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = list(ROW)
    row[HEADER.index("Provision type")] = "Larkspur Cottage"  # a name in the wrong column
    path = write_csv(tmp_path / "p.csv", rows=[row])
    code, out, err = figures(monkeypatch, path)
    assert code == 2 and out == ""
    assert err.startswith(
        f"error: {path}, row 5, field 'Provision type': expected a "
        "provision type listed in model/data/provider_groups.csv"
    )
    bad_places = list(ROW)
    bad_places[HEADER.index("Places")] = "four"
    code, _, err = figures(monkeypatch, write_csv(tmp_path / "q.csv", rows=[bad_places]))
    assert code == 2
    for secret in ("12 Quiet Lane", "ZZ9 9ZZ", "Slough Children First"):
        assert secret not in err


def test_as_at_other_than_the_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "p.csv")
    r = run_cli(monkeypatch, "--as-at", "2025-03-31", "--source", f"ofsted-providers:{path}")
    assert r.exit_code == 2
    assert r.stderr == (
        f"error: {path}, field '--as-at': holds provider-level data as at "
        "2024-03-31, not 2025-03-31\n"
    )
