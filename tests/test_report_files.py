"""Reports are untrusted input: crafted files each give a clear anomaly, in bounded time and
memory, and never stop the others (the files are built here, from nothing or from a real
report)."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    NameObject,
)

from inspection_outcomes.sources import report_pdf, reports
from inspection_outcomes.sources.reports import read_report_outcome, read_reports

BRIGHTON = "80438_brighton_and_hove__childrens_services_inspection_-_16_may_2024.pdf"
ILACS_PAGE = [
    "Inspection of Dorset local authority children\u2019s services",
    "Inspection dates: 17 March to 21 March 2025",
    "Lead inspector: A Person, His Majesty\u2019s Inspector",
    "Judgement Grade",
    "The impact of leaders on social work practice with children and families Good",
    "The experiences and progress of children who need help and protection Good",
    "The experiences and progress of children in care Outstanding",
    "The experiences and progress of care leavers Good",
    "Overall effectiveness Good",
]


@pytest.fixture(scope="module")
def brighton(shared: Path) -> Path:
    return shared / "data" / "ilacs" / "reports" / BRIGHTON


def _page(writer: PdfWriter, contents: DecodedStreamObject | EncodedStreamObject) -> None:
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    page[NameObject("/Contents")] = writer._add_object(contents)


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF whose text is the given lines (Helvetica, as a report's text layer)."""

    def literal(line: str) -> bytes:
        raw = line.encode("cp1252")
        return (
            b"("
            + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            + b") Tj T*"
        )

    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 10 Tf 40 800 Td 14 TL " + b" ".join(map(literal, lines)) + b" ET")
    writer = PdfWriter()
    _page(writer, stream)
    with path.open("wb") as f:
        writer.write(f)
    return path


def bomb_pdf(path: Path, gib: int = 2) -> Path:
    """A page whose content stream is a valid zlib stream of spaces inflating to `gib` GiB
    (2 MiB on disk): repeated fully flushed blocks, with the right checksum."""
    block = b" " * 2**20
    c = zlib.compressobj(9)
    first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    end = c.flush()
    n = gib * 1024
    check = 1
    for _ in range(n):
        check = zlib.adler32(block, check)
    stream = EncodedStreamObject()
    stream._data = first + again * (n - 1) + end[:-4] + struct.pack(">I", check)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    writer = PdfWriter()
    _page(writer, stream)
    with path.open("wb") as f:
        writer.write(f)
    return path


def outcome_kinds(path: Path) -> list[str]:
    return [a.kind for a in read_report_outcome(path).anomalies]


# --- files that are not readable PDFs ------------------------------------------------------


def test_truncated_report_is_flagged(brighton: Path, tmp_path: Path) -> None:
    data = brighton.read_bytes()
    cut = tmp_path / BRIGHTON
    cut.write_bytes(data[: len(data) // 3])
    outcome = read_report_outcome(cut)
    assert outcome.anomalies and outcome.anomalies[0].kind in ("truncated_pdf", "unreadable_pdf")
    if outcome.event is not None:  # what it holds was read; the cut is still an anomaly
        assert outcome.anomalies[0].kind == "truncated_pdf"


def test_cut_to_its_header_is_unreadable(tmp_path: Path) -> None:
    cut = tmp_path / "80559_southend-on-sea__cut.pdf"
    cut.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    assert outcome_kinds(cut) == ["unreadable_pdf"]


def test_malformed_page_tree(tmp_path: Path) -> None:
    bad = text_pdf(tmp_path / "80559_southend-on-sea__bad.pdf", ILACS_PAGE)
    bad.write_bytes(
        bad.read_bytes().replace(b"/Type /Pages", b"/Type /Junk").replace(b"/Kids", b"/Kits")
    )
    assert outcome_kinds(bad) == ["unreadable_pdf"]


@pytest.mark.parametrize("user_password", ["secret", ""])
def test_encrypted_report(brighton: Path, tmp_path: Path, user_password: str) -> None:
    """With a user password it cannot be read; with an owner password only (anyone may open
    it, as some publishers encrypt) it reads."""
    writer = PdfWriter(clone_from=PdfReader(brighton))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / BRIGHTON
    with locked.open("wb") as f:
        writer.write(f)
    outcome = read_report_outcome(locked)
    if user_password:
        assert outcome.event is None and [a.kind for a in outcome.anomalies] == ["encrypted_pdf"]
    else:
        assert outcome.event is not None and outcome.event.overall_effectiveness == ("outstanding")


@pytest.mark.parametrize(
    "content, kind",
    [
        (b"", "not_a_pdf"),
        (b"minutes of a meeting", "not_a_pdf"),
        (
            b"\n <!DOCTYPE html><html><head><title>Report not found</title></head></html>",
            "not_a_pdf_html_page",
        ),
    ],
)
def test_not_a_pdf(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "80559_southend-on-sea__notes.pdf"
    path.write_bytes(content)
    outcome = read_report_outcome(path)
    assert outcome.event is None and [a.kind for a in outcome.anomalies] == [kind]
    if kind == "not_a_pdf_html_page":
        assert outcome.anomalies[0].value == "Report not found"


def test_too_large_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "80559_southend-on-sea__big.pdf"
    with big.open("wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(report_pdf.MAX_FILE_BYTES + 1)  # sparse: no time to write
    assert outcome_kinds(big) == ["too_large"]


# --- PDFs that are not reports, or not of the LA their name says ---------------------------


def test_blank_pdf(tmp_path: Path) -> None:
    blank = tmp_path / "80559_southend-on-sea__blank_-_01_may_2024.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with blank.open("wb") as f:
        writer.write(f)
    assert outcome_kinds(blank) == ["no_text"]


def test_pdf_with_other_text(tmp_path: Path) -> None:
    other = text_pdf(
        tmp_path / "80559_southend-on-sea__minutes.pdf",
        ["Minutes of the corporate parenting board", "Present: the chair"],
    )
    outcome = read_report_outcome(other)
    assert [a.kind for a in outcome.anomalies] == ["unrecognised_layout"]
    assert "Minutes of the corporate parenting board" in outcome.anomalies[0].value


def test_crafted_report_reads(tmp_path: Path) -> None:
    path = text_pdf(
        tmp_path / "2532283_dorset__childrens_services_inspection_-_09_may_2025.pdf", ILACS_PAGE
    )
    outcome = read_report_outcome(path)
    assert outcome.anomalies == [] and outcome.event is not None
    assert (outcome.event.la_name, outcome.event.framework, outcome.event.event_type) == (
        "Dorset",
        "ilacs_2023",
        "short_inspection",
    )


def test_report_of_another_la_than_its_file_name(brighton: Path, tmp_path: Path) -> None:
    misfiled = tmp_path / "80559_southend-on-sea__childrens_services_inspection_-_16_may_2024.pdf"
    misfiled.symlink_to(brighton)
    outcome = read_report_outcome(misfiled)
    assert outcome.event is None
    (a,) = outcome.anomalies
    assert (a.kind, a.field, a.value) == ("la_mismatch", "la_code", "Brighton and Hove")
    assert "Southend-on-Sea" in a.problem


def test_framework_contradicting_the_date(tmp_path: Path) -> None:
    """An ILACS layout dated in the SIF years: the record has no framework, and says why."""
    lines = [line.replace("17 March to 21 March 2025", "3 to 14 March 2014") for line in ILACS_PAGE]
    path = text_pdf(
        tmp_path / "2532283_dorset__childrens_services_inspection_-_09_may_2014.pdf", lines
    )
    outcome = read_report_outcome(path)
    assert outcome.event is not None and outcome.event.framework is None
    assert [a.kind for a in outcome.anomalies] == ["framework_contradiction"]


# --- bounds: decompression, time, memory, a reader that dies -------------------------------


def test_decompression_bomb_in_bounded_time(tmp_path: Path) -> None:
    bomb = bomb_pdf(tmp_path / "80559_southend-on-sea__bomb.pdf")
    assert bomb.stat().st_size < 3 * 2**20
    started = time.perf_counter()
    outcome = read_report_outcome(bomb)
    assert time.perf_counter() - started < 5
    assert [a.kind for a in outcome.anomalies] == ["decompression_limit"]


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads /proc (Linux)")
def test_decompression_bomb_in_bounded_memory(tmp_path: Path) -> None:
    """Read in a process of its own, whose peak resident memory (VmHWM, which starts afresh
    at exec, unlike ru_maxrss) is measured."""
    bomb = bomb_pdf(tmp_path / "80559_southend-on-sea__bomb.pdf")
    code = (
        "import json, re, sys\n"
        "from inspection_outcomes.sources.reports import read_report_outcome\n"
        "o = read_report_outcome(sys.argv[1])\n"
        "status = open('/proc/self/status').read()\n"
        "peak = int(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1))\n"
        "print(json.dumps([[a.kind for a in o.anomalies], peak]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(bomb)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    kinds, peak_kib = json.loads(run.stdout)
    assert kinds == ["decompression_limit"]
    assert peak_kib < 200 * 1024  # the stream would be 2 GiB inflated


def test_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of a million drawing operators takes seconds to parse: past the limit."""
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 10 Tf (Inspection of) Tj ET " + b"q Q " * 1_000_000)
    writer = PdfWriter()
    _page(writer, stream)
    slow = tmp_path / "80559_southend-on-sea__slow.pdf"
    with slow.open("wb") as f:
        writer.write(f)
    monkeypatch.setattr(report_pdf, "TIME_LIMIT_S", 0.2)
    started = time.perf_counter()
    kinds = outcome_kinds(slow)
    assert time.perf_counter() - started < 2
    assert kinds == ["time_limit"]


@pytest.mark.parametrize(
    "message, kind",
    [
        ("Reached maximum number of tokens per stream.", "pdf_limit"),
        ("Limit reached while decompressing. 10 bytes remaining.", "decompression_limit"),
    ],
)
def test_pdf_reader_limits_are_anomalies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message: str, kind: str
) -> None:
    from pypdf.errors import LimitReachedError

    def limited(path: Path) -> None:
        raise LimitReachedError(message)

    monkeypatch.setattr(reports, "_read", limited)
    assert outcome_kinds(tmp_path / "80559_southend-on-sea__x.pdf") == [kind]


def test_memory_error_is_an_anomaly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def greedy(path: Path) -> None:
        raise MemoryError

    monkeypatch.setattr(reports, "_read", greedy)
    assert outcome_kinds(tmp_path / "80559_southend-on-sea__x.pdf") == ["memory_limit"]


@pytest.mark.skipif(sys.platform != "linux", reason="worker processes are forked (Linux)")
def test_a_reader_that_dies_stops_only_its_file(
    brighton: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker process killed mid-report (by the CPU or memory limit, or a crash in a
    library): the files it left are read again, the culprit alone."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / BRIGHTON).symlink_to(brighton)
    (folder / "80559_southend-on-sea__crash.pdf").write_bytes(b"%PDF-1.7\n")
    real = reports.read_report_outcome

    def crash_on(path: Path) -> reports.ReportOutcome:
        if "crash" in Path(path).name:
            os._exit(70)
        return real(path)

    monkeypatch.setattr(reports, "read_report_outcome", crash_on)
    read = read_reports(folder, workers=2)
    assert [e.source_file for e in read.events] == [BRIGHTON]
    assert [(a.file, a.kind) for a in read.anomalies] == [
        ("80559_southend-on-sea__crash.pdf", "reader_stopped")
    ]


def test_a_folder_of_bad_files_reads_to_the_end(brighton: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / BRIGHTON).symlink_to(brighton)
    bomb_pdf(folder / "80559_southend-on-sea__bomb.pdf", gib=1)
    (folder / "80559_southend-on-sea__notes.pdf").write_text("minutes")
    text_pdf(folder / "80559_southend-on-sea__minutes.pdf", ["Minutes of a meeting"])
    for workers in (1, 2):
        read = read_reports(folder, workers=workers)
        assert [e.source_file for e in read.events] == [BRIGHTON]
        assert read.by_kind() == {
            "decompression_limit": 1,
            "not_a_pdf": 1,
            "unrecognised_layout": 1,
        }
