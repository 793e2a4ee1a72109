"""Every section module of the main findings writes part of the text: none is left unused."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from inspection_outcomes.publications.la_outcomes import findings as la_findings
from inspection_outcomes.publications.providers import findings as providers_findings
from inspection_outcomes.publications.providers.figures import build_figures
from tests.providers_support import ODS_2025, source
from tests.test_findings_support import published_figures

pytestmark = pytest.mark.shared

#: Modules of a findings package that write no section of their own.
HELPERS = {"shared", "data_tables"}


def section_modules(package: ModuleType) -> list[ModuleType]:
    return [
        importlib.import_module(f"{package.__name__}.{m.name}")
        for m in pkgutil.iter_modules(package.__path__)
        if m.name not in HELPERS
    ]


def spy_on_sections(modules: list[ModuleType], monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Names of the modules whose `sections` is called from now on."""
    called: set[str] = set()
    for module in modules:

        def spy(f: dict[str, Any], real: Any = module.sections, name: str = module.__name__) -> Any:
            called.add(name)
            return real(f)

        monkeypatch.setattr(module, "sections", spy)
    return called


def test_la_findings_call_every_section_module(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modules = section_modules(la_findings)
    assert len(modules) >= 10
    called = spy_on_sections(modules, monkeypatch)
    la_findings.build_findings(published_figures(shared))
    assert called == {m.__name__ for m in modules}


def test_providers_findings_call_every_section_module(monkeypatch: pytest.MonkeyPatch) -> None:
    modules = section_modules(providers_findings)
    assert len(modules) >= 7
    called = spy_on_sections(modules, monkeypatch)
    providers_findings.build_providers_findings(build_figures(source(ODS_2025), date(2025, 3, 31)))
    assert called == {m.__name__ for m in modules}
