"""The files of a release as a web server and an OpenDocument reader meet them: the same
modes as any file the user writes, and ODS parts laid out as the ODF 1.2 schema requires."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#: The order of a table-cell style's properties in the ODF 1.2 schema
#: (style-table-cell-properties, style-paragraph-properties, style-text-properties).
CELL_PROPERTIES = ("table-cell-properties", "paragraph-properties", "text-properties")


def test_every_file_and_folder_has_the_modes_of_a_plain_write(demo: Path) -> None:
    mask = os.umask(0)
    os.umask(mask)
    paths = [demo, *demo.rglob("*")]
    wrong = [
        f"{p.relative_to(demo.parent)} {p.stat().st_mode & 0o777:o}"
        for p in paths
        if p.stat().st_mode & 0o777 != (0o777 if p.is_dir() else 0o666) & ~mask
    ]
    assert not wrong, wrong
    assert any(p.name == "underlying-data.ods" for p in paths)


def test_ods_styles_and_manifest_follow_the_odf_schema(demo: Path) -> None:
    with zipfile.ZipFile(demo / "underlying-data.ods") as z:
        content = ET.fromstring(z.read("content.xml"))
        manifest = ET.fromstring(z.read("META-INF/manifest.xml"))
        assert z.namelist()[0] == "mimetype"
    assert manifest.get(f"{{{MANIFEST}}}version") == "1.2"
    cell_styles = [
        s for s in content.iter(f"{{{STYLE}}}style") if s.get(f"{{{STYLE}}}family") == "table-cell"
    ]
    assert cell_styles
    for style in cell_styles:
        found = [child.tag.split("}")[1] for child in style]
        assert found == [p for p in CELL_PROPERTIES if p in found], (
            style.get(f"{{{STYLE}}}name"),
            found,
        )


def test_a_draft_says_so_first_on_both_cover_sheets(demo: Path) -> None:
    from python_calamine import CalamineWorkbook

    from inspection_outcomes.core.content import DRAFT_MARK

    for name in ("underlying-data.ods", "underlying-data.xlsx"):
        cover = CalamineWorkbook.from_path(str(demo / name)).get_sheet_by_name("Cover")
        rows = [r[0] for r in cover.to_python() if r and r[0]]
        assert "(simulated data)" in rows[0], name  # the title says so too
        assert rows[1] == DRAFT_MARK, name
        text = " ".join(map(str, rows))
        assert "Not published: a draft" in text, name
