"""Consistency checks run in every build of every publication: a disagreement fails the build.

Totals equal n, percentages equal counts, every table equals the spreadsheet read back; a
publication adds the checks of its own figures. (The 2025 publication printed "(52)" focused
visits where its text said 36: this is the kind of check that catches that.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from inspection_outcomes.model.scale import JUDGEMENTS, percent


def _distributions(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if {"n", "counts", "percent"} <= node.keys() and isinstance(node["counts"], dict):
            yield path, node
        for k, v in node.items():
            yield from _distributions(v, f"{path}.{k}" if path else str(k))


def check_distributions(figures: dict[str, Any]) -> list[str]:
    """Every judgement distribution of a figures dict ({n, counts, percent}) agrees with
    itself: the counts add up to n, each percentage is its count's."""
    problems = []
    for path, d in _distributions(figures):
        problems += _distribution_problems(path, d)
    return problems


def _distribution_problems(path: str, d: dict[str, Any]) -> list[str]:
    counts = d["counts"]
    if any(counts.get(j) is None for j in JUDGEMENTS):
        return []
    problems = []
    total = sum(counts[j] for j in JUDGEMENTS)
    if d["n"] != total:
        problems.append(f"{path}: n is {d['n']} but the counts add up to {total}")
    for j in JUDGEMENTS:
        if d["percent"].get(j) != percent(counts[j], total):
            problems.append(
                f"{path}.percent.{j} is {d['percent'].get(j)}, but "
                f"{counts[j]} of {total} is {percent(counts[j], total)}%"
            )
    if "good_or_outstanding_percent" in d:
        expected = percent(counts["outstanding"] + counts["good"], total)
        if d["good_or_outstanding_percent"] != expected:
            problems.append(
                f"{path}.good_or_outstanding_percent is "
                f"{d['good_or_outstanding_percent']}, expected {expected}"
            )
    return problems


def check_tables_against_readback(
    tables: dict[str, list[list[Any]]], readback: dict[str, list[list[Any]]]
) -> list[str]:
    """Every table written equals the same table read back from the file."""
    problems = []
    for name, rows in tables.items():
        got = readback.get(name)
        if got is None:
            problems.append(f"sheet {name} missing from the spreadsheet")
            continue
        if len(got) != len(rows):
            problems.append(f"sheet {name}: {len(got)} rows read back, {len(rows)} written")
            continue
        for i, (a, b) in enumerate(zip(rows, got, strict=True)):
            if [_norm(x) for x in a] != [_norm(x) for x in b]:
                problems.append(f"sheet {name}, row {i + 1}: wrote {a!r}, read back {b!r}")
                break
    return problems


def _norm(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v.isoformat() if hasattr(v, "isoformat") else v)
