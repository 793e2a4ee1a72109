"""Instructions of one `outcomes figures` run, counted by valgrind: a measure of a change that
the host's speed does not move (wall seconds on a shared machine vary by a quarter).

Usage: .venv/bin/python bench/instructions.py SIMULATED_FOLDER [--as-at 2024-03-31]

DuckDB runs on one thread and Python's string hashing is fixed, so that two runs of the same
code count the same instructions to about 0.03%. Prints the count and a checksum of the
figures (the same checksum: the same output). Needs valgrind; a 1M-event folder takes about
a minute, 10M about five.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Run inside valgrind: the CLI with every DuckDB connection on one thread.
DRIVER = """
import sys, duckdb
connect = duckdb.connect
def one_thread(*args, **kwargs):
    config = dict(kwargs.pop("config", None) or {}, threads=1)
    return connect(*args, config=config, **kwargs)
duckdb.connect = one_thread
from inspection_outcomes.cli import app
sys.argv = ["outcomes", *sys.argv[1:]]
app()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder made by `outcomes simulate`")
    parser.add_argument("--as-at", default="2024-03-31")
    args = parser.parse_args()
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        "-c",
        DRIVER,
        "figures",
        "--as-at",
        args.as_at,
        "--compare",
        "first",
        "--source",
        f"simulated:{args.folder}",
        "--format",
        "json",
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    try:
        run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
    except FileNotFoundError:
        print("valgrind is not installed", file=sys.stderr)
        return 1
    found = re.search(rb"I\s+refs:\s+([\d,]+)", run.stderr)
    if run.returncode != 0 or not found:
        print(run.stderr.decode("utf-8", "replace").strip().splitlines()[-1:], file=sys.stderr)
        return 1
    print(
        f"instructions {found.group(1).decode()}  "
        f"figures sha256 {hashlib.sha256(run.stdout).hexdigest()[:16]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
