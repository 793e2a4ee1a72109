"""Every ODS the project writes validates against the OASIS OpenDocument 1.2 schema (the
Relax NG schema of the OASIS Standard of 29 September 2011), checked by jing.

Both come from Debian's packages, which `make test` installs where missing: jing, and the
schema as Debian's jOpenDocument library ships it (libjopendocument-java). jing runs with -i:
the schema declares xsd:ID types outside attributes, which Relax NG's DTD-compatibility
check refuses; the structure is checked in full. The manifest has a schema of its own, not
shipped there: test_spreadsheet_checklist.py checks it.
"""

from __future__ import annotations

import glob
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.browser_support import needs

PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml")
SCHEMA_IN_JAR = "org/jopendocument/dom/oofficeDTDs/OpenDocument-v1.2-schema.rng"


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    jars = sorted(glob.glob("/usr/share/java/jOpenDocument*.jar"))
    needs(Path(jars[0]) if jars else Path("/usr/share/java/jOpenDocument.jar"), "the ODF schema")
    out = tmp_path_factory.mktemp("odf") / "OpenDocument-v1.2-schema.rng"
    with zipfile.ZipFile(jars[0]) as z:
        out.write_bytes(z.read(SCHEMA_IN_JAR))
    text = out.read_text(encoding="utf-8")
    assert "OpenDocument) Version 1.2" in text and "OASIS Standard, 29 September 2011" in text
    return out


def _jing() -> str:
    found = shutil.which("jing")
    needs(Path(found or "/usr/bin/jing"), "jing, the Relax NG validator")
    return str(found)


def _validate(schema: Path, ods: Path, tmp: Path) -> str:
    """jing's report on the XML parts of an ODS ('' when valid)."""
    folder = tmp / ods.parent.name / ods.stem
    folder.mkdir(parents=True)
    with zipfile.ZipFile(ods) as z:
        parts = [p for p in PARTS if p in z.namelist()]
        z.extractall(folder, parts)
    assert {"content.xml", "styles.xml"} <= set(parts), ods
    p = subprocess.run(
        [_jing(), "-i", str(schema), *(str(folder / part) for part in parts)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [line for line in p.stdout.splitlines() if ": error:" in line]
    assert (p.returncode == 0) == (not errors), p.stdout + p.stderr
    return "\n".join(errors)


@pytest.mark.parametrize("release", ["la", "providers-2025", "providers-2024"])
def test_every_real_releases_ods_is_valid_odf_1_2(
    releases: dict[str, Path], release: str, schema: Path, tmp_path: Path
) -> None:
    books = sorted(releases[release].rglob("*.ods"))
    assert books
    for ods in books:
        assert _validate(schema, ods, tmp_path) == "", ods


def test_the_simulated_releases_ods_is_valid_odf_1_2(
    demo: Path, schema: Path, tmp_path: Path
) -> None:
    books = sorted(demo.rglob("*.ods"))
    assert books
    for ods in books:
        assert _validate(schema, ods, tmp_path) == "", ods


def test_the_validator_finds_an_element_the_schema_does_not_allow(
    releases: dict[str, Path], schema: Path, tmp_path: Path
) -> None:
    """The check can fail: an element ODF does not define is named, with its line."""
    good = next(releases["providers-2025"].rglob("underlying-data.ods"))
    bad = tmp_path / "bad" / "bad.ods"
    bad.parent.mkdir()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "content.xml":
                data = data.replace(b"<office:spreadsheet>", b"<office:spreadsheet><table:x/>", 1)
            out.writestr(item, data)
    report = _validate(schema, bad, tmp_path)
    assert 'element "table:x" not allowed here' in report
