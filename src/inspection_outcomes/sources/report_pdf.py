"""The text of a report's pages, read from a PDF that is untrusted input, within bounds.

A file in a reports folder may be anything: an HTML page saved under a .pdf name, a
truncated or encrypted PDF, or a crafted one (a content stream that inflates to gigabytes).
Each is read within these bounds, and each failure is a `NoRecord` naming what it is:

================================  ==========  ================================================
bound                             value       real reports (406, 2012-2026)
================================  ==========  ================================================
file size                         32 MiB      under 1 MiB
pages read                        8           judgements end on page 1 or 2; the LSCB
                                              review's is on the page the contents give
characters kept per page          40,000      under 4,000
one stream, decompressed          4 MiB       page contents under 64 KiB
decoding work per stream          16 MiB
wall-clock time per report        10 s        under 0.2 s (SIGALRM, in the reading process)
CPU time per report               20 s        in worker processes only (RLIMIT_CPU)
address space of a worker         +1.5 GiB    in worker processes only (RLIMIT_AS)
================================  ==========  ================================================
"""

from __future__ import annotations

import contextlib
import html
import logging
import re
import signal
import threading
import warnings
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

from inspection_outcomes.sources.report_layouts import NoRecord

MAX_FILE_BYTES = 32 * 2**20
MAX_PAGES_READ = 8
MAX_PAGE_CHARS = 40_000
MAX_STREAM_BYTES = 4 * 2**20
MAX_DECODING_WORK = 16 * 2**20
TIME_LIMIT_S = 10.0
CPU_LIMIT_S = 20
MEMORY_LIMIT_BYTES = 1536 * 2**20

#: pypdf's own limits, made tighter: what one stream may inflate to, and the work it may take.
PYPDF_LIMITS: dict[str, int] = {
    "zlib_maximum_output_length": MAX_STREAM_BYTES,
    "lzw_maximum_output_length": MAX_STREAM_BYTES,
    "run_length_maximum_output_length": MAX_STREAM_BYTES,
    "brotli_maximum_output_length": MAX_STREAM_BYTES,
    "jbig2_maximum_output_length": MAX_STREAM_BYTES,
    "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
    "maximum_declared_stream_length": MAX_FILE_BYTES,
    "image_maximum_buffer_size": MAX_STREAM_BYTES,
    "stream_decoding_work_maximum_length": MAX_DECODING_WORK,
}


class ReportTimeout(BaseException):
    """The time limit of one report ran out (a BaseException: no `except Exception` in a
    library can swallow it)."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ReportTimeout in this thread after `seconds` of wall-clock time.

    Uses SIGALRM, so it applies in a process's main thread only (the worker processes and
    the command itself); elsewhere the other bounds still hold.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise ReportTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def bounded() -> Iterator[None]:
    """The limits of reading one report: pypdf's, the time limit, and pypdf kept quiet (its
    warnings about damaged files are the reader's to report, as anomalies)."""
    from pypdf import apply_configuration

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)
    try:
        with (
            apply_configuration(None, **PYPDF_LIMITS),
            warnings.catch_warnings(),
            time_limit(TIME_LIMIT_S),
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        pypdf_log.setLevel(level)


def _html_title(data: bytes) -> str:
    m = re.search(rb"<title[^>]*>(.*?)</title>", data, re.I | re.S)
    title = m.group(1).decode("utf-8", "replace") if m else ""
    return " ".join(html.unescape(title).split())[:200]


def _sniff(data: bytes) -> None:
    """A file that is not a PDF at all: an HTML page, an empty file, something else."""
    head = data[:1024]
    if b"%PDF-" in head:
        return
    if not data:
        raise NoRecord("not_a_pdf", "", "the file is empty (a published report expected)")
    if re.search(rb"<!doctype\s+html|<html", head.lstrip()[:200], re.I):
        raise NoRecord(
            "not_a_pdf_html_page",
            _html_title(data),
            "an HTML page saved under a .pdf name, not a report",
        )
    shown = head[:40].decode("latin-1").encode("unicode_escape").decode("ascii")
    raise NoRecord("not_a_pdf", shown, "not a PDF file (no '%PDF-' header)")


class PdfPages:
    """A report's PDF, opened within the bounds; page text on demand (pages 1 to 4)."""

    def __init__(self, path: Path) -> None:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise NoRecord(
                "too_large", f"{size} bytes", f"larger than {MAX_FILE_BYTES // 2**20} MiB: not read"
            )
        data = path.read_bytes()
        _sniff(data)
        #: No end-of-file marker near the end: the file was cut short (read what it holds).
        self.truncated = b"%%EOF" not in data[-2048:]
        self._reader = _open(data)
        try:
            self.page_count = len(self._reader.pages)
        except Exception as e:  # a damaged page tree: whatever pypdf raises
            raise NoRecord("unreadable_pdf", _why(e), "the PDF's pages cannot be found") from None
        if self.page_count == 0:
            raise NoRecord("unreadable_pdf", "0 pages", "the PDF has no pages")
        self.pages_read = 0

    def page(self, number: int) -> str | None:
        """The text of page `number` (1-based); None past the last page, or once
        MAX_PAGES_READ pages have been read."""
        if not 1 <= number <= self.page_count or self.pages_read >= MAX_PAGES_READ:
            return None
        self.pages_read += 1
        text = self._reader.pages[number - 1].extract_text() or ""
        return text[:MAX_PAGE_CHARS]


def _open(data: bytes) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError) as e:
        raise NoRecord("unreadable_pdf", _why(e), "not a readable PDF") from None
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")  # readable by anyone when the user password is empty
        except (DependencyError, NotImplementedError, PdfReadError) as e:
            raise NoRecord("encrypted_pdf", _why(e), "encrypted: cannot be read") from None
        if not opened:
            raise NoRecord(
                "encrypted_pdf", "password required", "encrypted with a password: cannot be read"
            )
    return reader


def _why(error: BaseException) -> str:
    return f"{type(error).__name__}: {str(error)[:160]}"


def _address_space() -> int:
    """The address space this process uses now (0 where /proc does not say)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    import resource

    return pages * resource.getpagesize()


def limit_worker() -> None:
    """In a worker process: bound its address space to MEMORY_LIMIT_BYTES more than it has
    when it starts (a fork of a command that has loaded DuckDB starts larger), so a report
    that would take more memory fails alone (MemoryError) instead of exhausting the
    machine."""
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = _address_space() + MEMORY_LIMIT_BYTES
        if hard == resource.RLIM_INFINITY or soft <= hard:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform: the stream limits still bound memory


def limit_cpu_for_next_report() -> None:
    """In a worker process: the next report may use CPU_LIMIT_S more seconds of CPU; past
    that the kernel ends the process (SIGXCPU), even in code that never returns to Python,
    and the report is recorded as one that stopped its reader."""
    try:
        import resource

        used = resource.getrusage(resource.RUSAGE_SELF)
        spent = int(used.ru_utime + used.ru_stime) + 1
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        soft = spent + CPU_LIMIT_S
        if hard == resource.RLIM_INFINITY or soft <= hard:
            resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
    except (ImportError, ValueError, OSError):
        pass
