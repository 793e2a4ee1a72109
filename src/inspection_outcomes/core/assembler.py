"""The release assembler of every publication: a release is built in a temporary folder,
checked, given a manifest (every file's SHA-256), then moved into place; nothing is left
half-written.

The slow parts of a build (charts, the two workbooks) can run in forked child processes
while the parent writes the rest (`Forked`): on two cores they run alongside, and a child
leaves without tearing down the libraries it imported. A child's result or error comes back
through a pipe, and the build fails (leaving nothing) when a child fails. Each workbook child
writes and reads back its own file (`write_workbook`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspection_outcomes.core.consistency import check_tables_against_readback
from inspection_outcomes.core.content import is_final
from inspection_outcomes.errors import InputError, ReleaseError
from inspection_outcomes.files import temporary_folder
from inspection_outcomes.safe_text import plain_text

if TYPE_CHECKING:
    from inspection_outcomes.core.workbook import Workbook


@dataclass
class ReleaseResult:
    """The release written: its folder, files, status and seconds per stage.

    Stages that ran in child processes overlap the others, so the stages can add up to more
    than "total" (the wall time of the whole build, last).
    """

    out: Path
    files: list[str]
    stage_seconds: dict[str, float] = field(default_factory=dict)
    status: str = "draft"


def timed(stages: dict[str, float], name: str, fn: Callable[[], Any]) -> Any:
    t = time.perf_counter()
    value = fn()
    stages[name] = stages.get(name, 0.0) + time.perf_counter() - t
    return value


class ChildError(Exception):
    """An unexpected error in a child process; its message is the child's traceback."""


class Forked:
    """`fn()` run in a forked child process; `result()` waits for it and returns its value.

    The child shares this process's memory as it was at the fork (nothing is copied or
    pickled on the way in), returns its value (or its error) pickled through a pipe, and
    exits without running this process's exit handlers. Where fork is not available, `fn`
    runs here, at once. `stop()` ends a child that is no longer wanted and waits for it, so
    that nothing writes into a folder after it is removed.
    """

    def __init__(self, fn: Callable[[], Any]) -> None:
        self._pid = 0
        self._fd = -1
        self._value: tuple[str, Any, float] | None = None
        if not hasattr(os, "fork"):
            t = time.perf_counter()
            self._value = ("ok", fn(), time.perf_counter() - t)
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run, report, leave at once
            code = 1
            try:
                os.close(read)
                outcome = _call(fn)
                try:
                    data = pickle.dumps(outcome)
                except Exception as e:  # an unpicklable value or error
                    data = pickle.dumps(
                        ("error", ChildError(f"{type(e).__name__}: {e}"), outcome[2])
                    )
                with os.fdopen(write, "wb") as f:
                    f.write(data)
                code = 0 if outcome[0] == "ok" else 1
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._fd = pid, read

    def result(self) -> tuple[Any, float]:
        """The child's return value and seconds; its error is raised here."""
        if self._value is None:
            with os.fdopen(self._fd, "rb") as f:
                data = f.read()
            self._fd = -1
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
            if not data:
                code = os.waitstatus_to_exitcode(status)
                how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
                raise ChildError(f"a child process ended without a result ({how})")
            self._value = pickle.loads(data)
        kind, value, seconds = self._value
        if kind == "error":
            raise value
        return value, seconds

    def stop(self) -> None:
        """End the child if it is still running, and wait for it."""
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = 0
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _call(fn: Callable[[], Any]) -> tuple[str, Any, float]:
    """("ok", value, seconds) or ("error", exception, seconds). An error a user can act on is
    kept as it is; any other becomes a ChildError holding the traceback (which a pickled
    exception loses)."""
    t = time.perf_counter()
    try:
        return "ok", fn(), time.perf_counter() - t
    except (InputError, ReleaseError) as e:
        return "error", e, time.perf_counter() - t
    except BaseException as e:
        error = ChildError(f"{type(e).__name__}: {e}\n{traceback.format_exc()}")
        return "error", error, time.perf_counter() - t


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def release_status(producer: str | None, assurer: str | None) -> str:
    """Final only when produced and assured by two different people (the methodology's QA).

    The names are printed on the release's pages and cover sheets as given: plain text only.
    """
    for option, name in (("--producer", producer), ("--assurer", assurer)):
        if name:
            plain_text(name, field=option)
    return "final" if is_final(producer, assurer) else "draft"


def write_workbook(wb: Workbook, folder: Path, kind: str) -> list[str]:
    """Write the workbook as underlying-data.<kind> (ods or xlsx) and read it back: the
    problems where a reader would not see what the model holds (none when consistent).

    The writer is imported here, so a process that never writes XLSX never imports pandas.
    """
    from inspection_outcomes.core.ods import write_atomic
    from inspection_outcomes.core.workbook import model_rows, read_back

    if kind == "xlsx":
        from inspection_outcomes.core.xlsx import xlsx_bytes

        data = xlsx_bytes(wb)
    else:
        from inspection_outcomes.core.ods import ods_bytes

        data = ods_bytes(wb)
    path = folder / f"underlying-data.{kind}"
    write_atomic(data, path)
    return [
        f"{path.name}: {p}" for p in check_tables_against_readback(model_rows(wb), read_back(path))
    ]


def refuse_existing(out: Path, force: bool) -> Path:
    """The absolute target folder; a ReleaseError when it exists and force is not given."""
    out = out.resolve()
    if out.exists() and not force:
        raise ReleaseError(f"{out} exists: use --force to replace it")
    return out


def assemble(out: Path, fill: Callable[[Path], dict[str, Any]]) -> list[str]:
    """Build a release in a temporary folder beside `out`, then move it into place.

    `fill` writes the files into the folder it is given and returns the manifest's fields;
    manifest.json gets them plus every file's SHA-256. Modification times are fixed, and a
    failure anywhere leaves `out` as it was (nothing half-written). Returns the files, sorted,
    then manifest.json.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_folder(out)
    try:
        manifest = fill(tmp)
        files = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
        manifest["files"] = [{"path": f, "sha256": sha256(tmp / f)} for f in files]
        write_text(tmp / "manifest.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        for p in tmp.rglob("*"):
            os.utime(p, (0, 0))
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
        return [*files, "manifest.json"]
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
