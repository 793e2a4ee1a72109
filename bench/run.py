"""Benchmarks of the `outcomes` command, each run as a cold process, against their goals.

Usage (what `make bench` runs): .venv/bin/python bench/run.py --shared ../shared

Every run is repeated (5 times by default) and reported as median, min and max wall seconds,
with the peak resident memory of the process; for a run that prints its stage times (the
release), the median of each stage too. Simulated data are generated once and cached in
bench/results/ (keyed by seed, size and end date). Exit status: 0 when every run worked, even
if a goal was missed (the table says so); 1 when a run failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
OUTCOMES = BIN / "outcomes"
SIM_END = "2026-03-31"
#: A run this many times slower than its goal is not repeated (the verdict is clear).
SLOW = 5


@dataclass
class Result:
    name: str
    goal_s: float | None
    goal_mb: float | None = None
    times: list[float] = field(default_factory=list)
    peaks_mb: list[float] = field(default_factory=list)
    status: str = "ok"  # ok, failed, not available
    note: str = ""
    stages: dict[str, list[float]] = field(default_factory=dict)  # seconds per run, by stage

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def stage_medians(self) -> dict[str, float]:
        return {name: statistics.median(times) for name, times in self.stages.items()}

    @property
    def peak(self) -> float | None:
        return max(self.peaks_mb) if self.peaks_mb else None

    @property
    def met(self) -> str:
        if self.status != "ok" or self.median is None:
            return "-"
        ok = self.goal_s is None or self.median <= self.goal_s
        if self.goal_mb is not None and self.peak is not None:
            ok = ok and self.peak <= self.goal_mb
        return "yes" if ok else "no"


@dataclass
class Run:
    """One finished process: wall seconds, peak memory (MB), exit code, output."""

    seconds: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str


def run_process(args: list[str], cwd: Path = ROOT) -> Run:
    """Run a command, measuring its wall time and its own peak RSS (wait4 rusage)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            usage.ru_maxrss / 1024.0,
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


STAGE = re.compile(r"([A-Za-z_][\w-]*) (\d+(?:\.\d+)?)s\b")


def parse_stages(stderr: str) -> dict[str, float]:
    """Seconds by stage from the line "Stages: tables 0.04s, ..., total 1.40s" a command
    prints (the console may have wrapped it over several lines)."""
    _, found, rest = stderr.partition("Stages:")
    if not found:
        return {}
    text = " ".join(rest.split())
    return {name: float(sec) for name, sec in STAGE.findall(text)}


def repeat(
    result: Result,
    args: list[str],
    times: int,
    check_json: bool = False,
    inner_time: bool = False,
    ok_exit: tuple[int, ...] = (0,),
) -> Result:
    """Time `times` cold runs; stop at the first failure and keep its error."""
    for _ in range(times):
        r = run_process(args)
        if r.returncode not in ok_exit:
            result.status = "failed"
            last = (r.stderr.strip().splitlines() or ["(no message)"])[-1]
            result.note = f"exit {r.returncode}: {last}"
            return result
        if check_json:
            try:
                json.loads(r.stdout)
            except ValueError:
                result.status = "failed"
                result.note = "output is not JSON"
                return result
        seconds = r.seconds
        if inner_time:  # the process reports the time of the step measured
            seconds = float(r.stdout.strip().split()[0])
        result.times.append(seconds)
        result.peaks_mb.append(r.peak_mb)
        for name, sec in parse_stages(r.stderr).items():
            result.stages.setdefault(name, []).append(sec)
        slow = result.goal_s is not None and seconds > SLOW * result.goal_s
        if slow and len(result.times) < times:
            result.note = f"stopped after {len(result.times)} run(s): over {SLOW}x the goal"
            break
    return result


def command_exists(name: str) -> bool:
    return run_process([str(OUTCOMES), name, "--help"]).returncode == 0


def available(result: Result, command: str, data: Path) -> bool:
    """Whether the command exists and its data file is there; else the result says not."""
    if command_exists(command) and data.is_file():
        return True
    result.status = "not available"
    if not data.is_file():
        result.note = f"{data} missing"
    return False


def simulator_digest() -> str:
    """Hash of the simulator's code: a changed simulator never reuses stale cached data."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "src" / "inspection_outcomes" / "simulate").glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


def simulated(seed: int, events: int, results: list[Result]) -> Path | None:
    """The cached simulated folder for (seed, events), generated (and timed) if missing."""
    folder = RESULTS / f"sim-seed{seed}-events{events}-end{SIM_END}-{simulator_digest()}"
    if (folder / "events.parquet").is_file() and (folder / "README.txt").is_file():
        return folder
    RESULTS.mkdir(parents=True, exist_ok=True)
    gen = Result(f"simulate {events:,} events (once, cached)", goal_s=60.0)
    r = run_process(
        [
            str(OUTCOMES),
            "simulate",
            "--seed",
            str(seed),
            "--events",
            str(events),
            "--end",
            SIM_END,
            "--out",
            str(folder),
            "--force",
        ]
    )
    if r.returncode != 0:
        gen.status = "failed"
        gen.note = (r.stderr.strip().splitlines() or ["(no message)"])[-1]
        results.append(gen)
        return None
    gen.times.append(r.seconds)
    gen.peaks_mb.append(r.peak_mb)
    gen.note = r.stdout.strip()
    results.append(gen)
    return folder


def _fmt(x: float | None, digits: int = 2) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def print_table(results: list[Result]) -> None:
    head = ("run", "median s", "min s", "max s", "goal s", "ratio", "peak MB", "goal met")
    rows = []
    for r in results:
        ratio = r.median / r.goal_s if r.median is not None and r.goal_s else None
        rows.append(
            (
                r.name if r.status == "ok" else f"{r.name} [{r.status}]",
                _fmt(r.median),
                _fmt(min(r.times) if r.times else None),
                _fmt(max(r.times) if r.times else None),
                _fmt(r.goal_s, 0) + (f" / {r.goal_mb:.0f} MB" if r.goal_mb else ""),
                _fmt(ratio),
                _fmt(r.peak, 0),
                r.met,
            )
        )
    widths = [max(len(str(row[i])) for row in (head, *rows)) for i in range(len(head))]

    def line(row: tuple[str, ...]) -> str:
        cells = zip(row, widths, strict=True)
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(cells))

    print(line(head))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    for r in results:
        if r.note:
            print(f"- {r.name}: {r.note}")
    for r in results:
        if r.stages:
            stages = ", ".join(f"{k} {v:.2f}" for k, v in r.stage_medians.items())
            print(f"- {r.name}, median seconds by stage: {stages}")


def bench_reports(folder: Path, n: int) -> list[Result]:
    """`reports extract` over every report of the folder, and over a folder of one report.

    Exit status 1 is a finished run (some files of the shared folder are not graded reports,
    and say so); the records must be written.
    """
    every = Result("reports extract, every shared report (PDF)", goal_s=60.0)
    one = Result("reports extract, one report (PDF)", goal_s=1.0)
    if not command_exists("reports") or not folder.is_dir():
        every.status = one.status = "not available"
        return [every, one]
    with tempfile.TemporaryDirectory() as tmp:
        single = Path(tmp) / "one"
        single.mkdir()
        first = sorted(folder.glob("*.pdf"))[-1]
        (single / first.name).symlink_to(first)
        for result, source in ((every, folder), (one, single)):
            out = Path(tmp) / "records.csv"
            repeat(
                result,
                [str(OUTCOMES), "reports", "extract", str(source), "--out", str(out)],
                n,
                ok_exit=(0, 1),
            )
            if result.status == "ok" and not out.is_file():
                result.status = "failed"
                result.note = "no records written"
            elif result.status == "ok":
                records = out.read_text(encoding="utf-8").count("\n") - 1
                result.note = f"{records} records from {len(list(source.iterdir()))} files"
    return [every, one]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared",
        help="The shared data folder (default ../shared).",
    )
    p.add_argument("--repeat", type=int, default=5, help="Cold runs per benchmark.")
    p.add_argument("--seed", type=int, default=42, help="Seed of the simulated data.")
    p.add_argument(
        "--sizes", default="1000000,10000000", help="Simulated event counts, comma-separated."
    )
    args = p.parse_args(argv)
    shared = args.shared.resolve()
    history = shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    corrections = ROOT / "corrections" / "d2i-ilacs.csv"
    ods = shared / "data" / "providers" / "childrens_social_care_data_2025_provider_level.ods"
    n = args.repeat
    results: list[Result] = []
    sourced = ["--source", f"d2i:{history}"]
    if corrections.is_file():
        sourced += ["--corrections", str(corrections)]
    real = ["--as-at", "2024-03-31", "--compare", "first", *sourced]

    # (a) figures from the real history
    res = Result("figures 2024, d2i history (json)", goal_s=1.0)
    if available(res, "figures", history):
        repeat(res, [str(OUTCOMES), "figures", *real, "--format", "json"], n, check_json=True)
    results.append(res)

    # (a2) one LA's profile from the real history (the LA explorer's engine)
    res = Result("la Kent 2024, d2i history (json)", goal_s=1.0)
    if available(res, "la", history):
        repeat(
            res,
            [str(OUTCOMES), "la", "Kent", "--as-at", "2024-03-31", *sourced, "--format", "json"],
            n,
            check_json=True,
        )
    results.append(res)

    # (b) figures from simulated events
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        goal = Result(
            f"figures 2024, {size:,} simulated events (json)",
            goal_s=5.0 * max(1.0, size / 10_000_000),
            goal_mb=2048.0 * max(1.0, size / 10_000_000),
        )
        if not command_exists("figures") or not command_exists("simulate"):
            goal.status = "not available"
            results.append(goal)
            continue
        folder = simulated(args.seed, size, results)
        if folder is None:
            goal.status = "failed"
            goal.note = "the simulated data could not be generated"
        else:
            repeat(
                goal,
                [
                    str(OUTCOMES),
                    "figures",
                    "--as-at",
                    "2024-03-31",
                    "--compare",
                    "first",
                    "--source",
                    f"simulated:{folder}",
                    "--format",
                    "json",
                ],
                n,
                check_json=True,
            )
        results.append(goal)

    # (c) the complete release from the real history
    res = Result("release 2024, d2i history", goal_s=3.0)
    if available(res, "release", history):
        with tempfile.TemporaryDirectory() as tmp:
            repeat(
                res,
                [str(OUTCOMES), "release", *real, "--out", str(Path(tmp) / "release"), "--force"],
                n,
            )
    results.append(res)
    # the LA pages' share of it: their stage of the same runs (goal: under 1 s added)
    pages = Result("release 2024: LA pages stage (in-process time)", goal_s=1.0)
    pages.status = res.status
    pages.times = list(res.stages.get("la_pages", []))
    if res.status == "ok" and not pages.times:
        pages.status = "failed"
        pages.note = "the release printed no la_pages stage"
    results.append(pages)

    # (d) reading the provider-level ODS (the time the reader itself reports)
    res = Result("providers ODS read (in-process time)", goal_s=3.0)
    bench_file = ROOT / "bench" / "providers.py"
    if not bench_file.is_file() or not ods.is_file():
        res.status = "not available"
    else:
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from providers import bench_read_providers_ods as b; print(b(sys.argv[2]))"
        )
        repeat(
            res, [sys.executable, "-c", code, str(bench_file.parent), str(ods)], n, inner_time=True
        )
    results.append(res)

    # (e) reading the published reports (PDF): the whole shared folder, and one report
    results.extend(bench_reports(shared / "data" / "ilacs" / "reports", n))

    print_table(results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "last_run.json").write_text(
        json.dumps(
            [
                {
                    **asdict(r),
                    "median": r.median,
                    "peak_mb": r.peak,
                    "goal_met": r.met,
                    "stage_medians": r.stage_medians,
                }
                for r in results
            ],
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 1 if any(r.status == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
