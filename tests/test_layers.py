"""Imports run one way: entry points, then publications, then the publishing core and the
engine, then model data. A module that imports from a layer above its own fails here, with
the line that does it (imports inside functions included).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "inspection_outcomes"

#: Layers from the top; a module may import its own layer and those below it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("entry point", ("cli", "__main__")),
    ("publication", ("publications",)),
    ("publishing core", ("core",)),
    ("engine", ("sources", "checks", "store", "simulate")),
    ("model", ("model", "errors", "safe_text", "files", "__init__")),
)
#: What each layer may import, by layer name: the core and the engine sit side by side but
#: neither imports the other, so the core knows no publication and no source.
ALLOWED = {
    "entry point": {"entry point", "publication", "publishing core", "engine", "model"},
    "publication": {"publication", "publishing core", "engine", "model"},
    "publishing core": {"publishing core", "model"},
    "engine": {"engine", "model"},
    "model": {"model"},
}


def layer_of(module: str) -> str:
    """The layer of a dotted module name inside the package ('' for the package itself)."""
    first = module.split(".")[0] if module else "__init__"
    for name, tops in LAYERS:
        if first in tops:
            return name
    raise AssertionError(f"inspection_outcomes.{module} is in no layer: add it to LAYERS")


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def dotted(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module within the package) of every import the file makes."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "inspection_outcomes":  # a module, or a name of __init__
                names = [
                    f"inspection_outcomes.{a.name}"
                    if _is_module(a.name)
                    else "inspection_outcomes.__init__"
                    for a in node.names
                ]
            found += [(node.lineno, n) for n in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return [
        (line, n.removeprefix("inspection_outcomes").lstrip("."))
        for line, n in found
        if n == "inspection_outcomes" or n.startswith("inspection_outcomes.")
    ]


def _is_module(name: str) -> bool:
    return (PACKAGE / f"{name}.py").is_file() or (PACKAGE / name).is_dir()


def publication_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "publications" and len(parts) > 1 else None


@pytest.mark.parametrize("path", modules(), ids=dotted)
def test_imports_run_one_way(path: Path) -> None:
    here = dotted(path).removesuffix(".__init__")
    own = layer_of(here)
    wrong = []
    for line, target in imports(path):
        if not target:
            continue
        theirs = layer_of(target)
        if theirs not in ALLOWED[own]:
            wrong.append(f"line {line}: {own} imports {theirs} (inspection_outcomes.{target})")
        mine, other = publication_of(here), publication_of(target)
        if mine and other and mine != other:
            wrong.append(f"line {line}: publication {mine} imports publication {other}")
    assert not wrong, f"{path.relative_to(PACKAGE)}: " + "; ".join(wrong)


def test_the_check_sees_an_import_that_runs_back_up(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from inspection_outcomes.publications.la_outcomes import map\n")
    assert imports(bad) == [(2, "publications.la_outcomes")]
    assert layer_of("publications.la_outcomes") not in ALLOWED["publishing core"]
