"""The sentence machinery of the main findings: every number in the text comes from the figures.

Each sentence carries the values it quotes, keyed by their path in the figures dict, so
`check_numbers` can prove that the text, the figures and the tables agree (a number printed
in a sentence that no figure explains is an error, as is a value that differs from the
figures). Paths may also be a difference of two paths ("a - b") or a reference fact
("reference:frameworks.<id>.effective_from", "reference:la.<gss code>.valid_from").

Both publications write their sections with these parts; neither is known here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from inspection_outcomes.core.types import DataTable
from inspection_outcomes.model import frameworks as fw
from inspection_outcomes.model import local_authorities as las

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# --------------------------------------------------------------------------- the model


@dataclass
class Sentence:
    text: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Paragraph:
    sentences: list[Sentence]
    style: str = "text"  # "text" (one paragraph) or "bullets" (one list item per sentence)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass
class Section:
    heading: Sentence
    paragraphs: list[Paragraph] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    tables: list[DataTable] = field(default_factory=list)
    level: int = 2  # 2 for a main section (h2), 3 for a subsection (h3)
    id: str = ""


class SectionModule(Protocol):
    """A module writing one section of the text (with any subsections of its own)."""

    def sections(self, figures: dict[str, Any], /) -> list[Section]: ...


@dataclass
class Findings:
    title: str
    sections: list[Section]
    annex: list[DataTable] = field(default_factory=list)  # fallback tables for figures

    def sentences(self) -> Iterable[Sentence]:
        for section in self.sections:
            yield section.heading
            for p in section.paragraphs:
                yield from p.sentences


# --------------------------------------------------------------------------- values


def resolve(figures: dict[str, Any], path: str) -> Any:
    """The value at a path; raises KeyError when the path does not exist."""
    if " - " in path:
        left, right = path.split(" - ", 1)
        a, b = resolve(figures, left), resolve(figures, right)
        return None if a is None or b is None else a - b
    if path.startswith("len:"):
        return len(resolve(figures, path.removeprefix("len:")))
    if path.startswith("key:"):
        parent, _, key = path.removeprefix("key:").rpartition(".")
        if key not in resolve(figures, parent):
            raise KeyError(path)
        return key
    if path.startswith("reference:"):
        return _reference(path.removeprefix("reference:"))
    node: Any = figures
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(path)
        node = node[part]
    return node


def _reference(path: str) -> Any:
    kind, key, attr = path.split(".", 2)
    if kind == "frameworks":
        return getattr(fw.by_id()[key], attr).isoformat()
    if kind == "la":
        value = getattr(las.by_code()[key], attr)
        return value.isoformat() if isinstance(value, date) else value
    raise KeyError(path)


#: Reads a path of the figures (KeyError when absent); a publication whose paths may derive
#: values (sums, shares) passes its own, which falls back on `resolve`.
Resolver = Callable[[dict[str, Any], str], Any]


def get(figures: dict[str, Any], path: str, resolver: Resolver = resolve) -> Any:
    """The value at a path, or None when the figures do not have it."""
    try:
        return resolver(figures, path)
    except KeyError:
        return None


def long_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def month_year(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{MONTHS[d.month - 1]} {d.year}"


def number(v: int) -> str:
    return f"{v:,}"


class _V:
    """A value formatted by spec: '' number, 'pct' percent, 'date', 'month'."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        v = self.value
        if v is None:  # a safety net: callers say in words what the source does not hold
            return "not available"
        if spec == "date":
            return long_date(v)
        if spec == "month":
            return month_year(v)
        if spec == "pct":
            return f"{abs(v)}%"
        if isinstance(v, int) and not isinstance(v, bool):
            return number(abs(v))
        return str(v)


def say(
    figures: dict[str, Any], template: str, resolver: Resolver = resolve, /, **paths: str
) -> Sentence:
    """A sentence from a template whose fields name figure paths: {n} with n="a.b.c".

    `resolver` is positional so that every keyword is a field of the template.
    """
    values = {p: get(figures, p, resolver) for p in paths.values()}
    text = template.format(**{k: _V(values[p]) for k, p in paths.items()})
    return Sentence(text, values)


# --------------------------------------------------------------------------- checking

_DATE = re.compile(r"\b\d{1,2} (?:" + "|".join(MONTHS) + r") \d{4}\b")
_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r") \d{4}\b")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


def numbers_in(text: str) -> list[str]:
    """Dates and numbers as printed, dates whole ('31 March 2024')."""
    found = _DATE.findall(text)
    text = _DATE.sub(" ", text)
    found += _MONTH.findall(text)
    text = _MONTH.sub(" ", text)
    return found + _NUMBER.findall(text)


def _renderings(value: Any) -> set[str]:
    if isinstance(value, bool) or value is None:
        return set()
    if isinstance(value, int | float):
        return {number(abs(int(value))) if float(value).is_integer() else str(abs(value))}
    if isinstance(value, str):
        try:
            return {long_date(value), month_year(value)}
        except ValueError:
            return set(numbers_in(value))
    if isinstance(value, list | tuple):
        return set().union(*(_renderings(v) for v in value)) if value else set()
    return set()


def check_sentence(
    sentence: Sentence, figures: dict[str, Any], resolver: Resolver = resolve
) -> list[str]:
    """Problems with one sentence; `resolver` reads a quoted path (KeyError when absent)."""
    problems = []
    explained = (
        set().union(*(_renderings(v) for v in sentence.values.values()))
        if (sentence.values)
        else set()
    )
    for token in numbers_in(sentence.text):
        if token not in explained:
            problems.append(f"{token!r} in {sentence.text!r} is not one of its figures")
    for path, value in sentence.values.items():
        try:
            actual = resolver(figures, path)
        except KeyError:
            problems.append(f"{path} quoted in {sentence.text!r} is not in the figures")
            continue
        if actual != value:
            problems.append(
                f"{path} is {actual!r} in the figures but {value!r} in {sentence.text!r}"
            )
    return problems


def check_numbers(
    findings: Findings, figures: dict[str, Any], resolver: Resolver = resolve
) -> list[str]:
    """Disagreements between the text and the figures; [] when every number is explained."""
    problems: list[str] = []
    for sentence in findings.sentences():
        problems += check_sentence(sentence, figures, resolver)
    return problems


# --------------------------------------------------------------------------- helpers


def join_names(names: list[str]) -> str:
    """'A and B'; a comma before the last 'and' when a name itself contains 'and'."""
    if len(names) <= 1:
        return "".join(names)
    sep = ", and " if any(" and " in n for n in names) else " and "
    return ", ".join(names[:-1]) + sep + names[-1]


def has(figures: dict[str, Any], *paths: str, resolver: Resolver = resolve) -> bool:
    return all(get(figures, p, resolver) is not None for p in paths)


def none_held(what: str) -> Sentence:
    return Sentence(f"The source data for this release do not hold {what}, so it is not reported.")


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def region_phrase(name: str, start: bool = False) -> str:
    """'London', 'the North West' ('The North West' at the start of a sentence)."""
    if name in ("London", "England"):
        return name
    return ("The " if start else "the ") + name


@dataclass(frozen=True)
class Extremes:
    """The highest and the lowest of some values, each with every key that has it."""

    highest: Any
    highest_keys: tuple[str, ...]
    lowest: Any
    lowest_keys: tuple[str, ...]

    @property
    def all_equal(self) -> bool:
        return self.highest == self.lowest


def extremes(values: dict[str, Any]) -> Extremes | None:
    """The one rule for every comparative sentence ("highest in ..., lowest in ..."): a tie is
    never broken, every key with the highest (or lowest) value is named, in the order of
    `values`; None where fewer than two keys have a value."""
    known = {k: v for k, v in values.items() if v is not None}
    if len(known) < 2:
        return None
    hi, lo = max(known.values()), min(known.values())
    return Extremes(
        hi,
        tuple(k for k, v in known.items() if v == hi),
        lo,
        tuple(k for k, v in known.items() if v == lo),
    )
