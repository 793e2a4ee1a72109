"""Untrusted text never reaches a reader as markup: hostile values in the inputs come out inert.

The inputs are copies of the real shared files (the D2I history, the 2024 provider-level CSV,
the corrections ledger, the pre-release access list) with hostile values written into every
field a source keeps or shows as found, and crafted report PDFs whose text (grades, lead
inspector, file name) holds them. Every output is built from them and read back:

* HTML pages, in real headless Chromium: no script runs and the content security policy is
  never breached; no element or attribute appears that the same page built from the clean
  inputs does not have;
* SVG charts and the map: well-formed XML with no script;
* ODS and XLSX: no formula anywhere in the spreadsheet's own markup, and every hostile value
  read back by python-calamine as the text it was;
* tidy CSVs: no text cell a spreadsheet would read as a formula (OWASP's CSV injection rule);
* figures.json, qa-report.json and manifest.json: valid JSON, values kept exactly.

A value a field must not hold (control characters, direction overrides, absurd length, or
anything that is not a date, a grade or an LA where one is required) is refused instead: one
line naming the file, row and field, exit status 2, nothing written.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from inspection_outcomes.cli import app
from inspection_outcomes.safe_text import csv_cell, csv_cell_read, publisher_link, shown
from tests.browser_support import chromium, serve

OUTCOMES = [sys.executable, "-m", "inspection_outcomes"]
ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "corrections" / "d2i-ilacs.csv"

#: Values a field may hold and that must come out inert everywhere.
INERT = {
    "html": "<script>window.__pwned=1</script><img src=x onerror=alert(1)>",
    "attribute": '"\' onmouseover=alert(1) data-x="><b>',
    "javascript": "javascript:alert(1)",
    "xml": ']]><!ENTITY xxe SYSTEM "file:///etc/passwd">&xxe;<![CDATA[',
    "govspeak": "[link](javascript:alert(1)) **bold** $CTA ^note^ {barchart} <svg onload=alert(1)>",
    "spreadsheet_markup": "$$cover$$ [one](https://example.org) [two](https://example.org)",
    "formula": '=HYPERLINK("https://example.org","x")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(1+1)",
    "tab": "\t=1+1",
    "carriage_return": "\r=1+1",
}
#: Values a published field must not hold: refused with file, row and field.
REFUSED = {
    "control": "bell\x07escape\x1b",
    "bidi": "good\u202edoog",
    "long": "A" * 5000,
}
HOSTILE = {**INERT, **REFUSED}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*OUTCOMES, *args], capture_output=True, text=True, timeout=600)


def _read_csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.reader(f))


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


# --- hostile inputs, made from the real files ------------------------------------------------


def hostile_history(shared: Path, folder: Path, values: dict[str, str]) -> Path:
    """The D2I history with one hostile value per ILACS row in every kept or shown field."""
    rows = _read_csv(shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv")
    h = rows[0]
    ilacs = [
        i
        for i, r in enumerate(rows)
        if i and r[h.index("inspection_framework")] in ("standard", "short")
    ]
    kept = (
        "overall_effectiveness_grade",
        "help_and_protection_grade",
        "inspector_name",
        "inspection_link",
        "pdf_filename",
        "parser_version",
    )
    for n, value in enumerate(values.values()):
        row = rows[ilacs[n]]
        for column in kept:
            row[h.index(column)] = value
    # An unknown inspection type is flagged and kept, as found.
    rows[ilacs[len(values)]][h.index("inspection_framework")] = values["html"]
    return _write_csv(folder / "history.csv", rows)


def hostile_ledger(folder: Path, values: dict[str, str]) -> Path:
    """The corrections ledger with hostile evidence, and a correction of a value the source
    does not hold (shown with its reason)."""
    rows = _read_csv(LEDGER)
    h = rows[0]
    for n, value in enumerate(values.values(), start=1):
        rows[n][h.index("evidence")] = value
    rows[len(values) + 1][h.index("value_found")] = values["attribute"]
    return _write_csv(folder / "ledger.csv", rows)


def hostile_providers(shared: Path, folder: Path, values: dict[str, str]) -> Path:
    """The 2024 provider-level CSV (Mac Roman, three title rows) with hostile LA names, and
    names, addresses and owners that must never leave the adapter."""
    path = shared / "data" / "providers" / "provider_level_at_31_march_2024.csv"
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("mac_roman"), newline="")))
    h = rows[3]
    for n, value in enumerate(values.values(), start=4):
        for column in (
            "Local authority",
            "Name",
            "Address 1",
            "Town",
            "Postcode",
            "Organisation which owns the provider",
            "Web link",
        ):
            rows[n][h.index(column)] = value
    return _write_csv(folder / "providers.csv", rows)


def hostile_pre_release(folder: Path, values: dict[str, str]) -> Path:
    rows = [["role", "organisation"], *([v, v] for v in values.values())]
    return _write_csv(folder / "pre_release_access.csv", rows)


# --- reading outputs back --------------------------------------------------------------------


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: set[tuple[str, str]] = set()
        self.links: list[str] = []
        self.scripts: list[str | None] = []  # each script element's src (None: inline)
        self._in_script = False
        self.inline_script = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.add((tag, ""))
        if tag == "script":
            self.scripts.append(dict(attrs).get("src"))
            self._in_script = True
        for name, value in attrs:
            self.found.add((tag, name))
            if name in ("href", "src", "xlink:href", "action"):
                self.links.append(value or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_script += data


def elements(html: str) -> _Elements:
    """Every (tag, "") and (tag, attribute) a page holds, and the addresses it points to."""
    p = _Elements()
    p.feed(html)
    return p


def files(folder: Path, suffix: str) -> list[Path]:
    return sorted(p for p in folder.rglob(f"*{suffix}") if p.is_file())


def check_pages_have_only_template_markup(hostile: Path, clean: Path) -> None:
    for page in files(hostile, ".html"):
        found = elements(page.read_text(encoding="utf-8"))
        template = elements((clean / page.relative_to(hostile)).read_text(encoding="utf-8"))
        extra = found.found - template.found
        assert not extra, f"{page.name}: markup the template did not write: {sorted(extra)}"
        # the only scripts: the page's own, by file, as its template wrote them
        assert found.scripts == template.scripts, page.name
        assert all(
            src and src.endswith(".js") and "assets/" in src and ":" not in src
            for src in found.scripts
        ), page.name
        assert not found.inline_script.strip(), page.name
        assert not any(
            link.strip().lower().startswith(("javascript:", "data:")) for link in found.links
        ), page.name


def check_svgs(folder: Path) -> None:
    svgs = files(folder, ".svg")
    assert svgs
    for svg in svgs:
        root = ET.parse(svg).getroot()  # well-formed XML, or this raises
        for el in root.iter():
            tag = el.tag.rsplit("}", 1)[-1]
            assert tag not in ("script", "foreignObject"), svg.name
            assert not any(a.rsplit("}", 1)[-1].startswith("on") for a in el.attrib), svg.name


def check_spreadsheets(folder: Path) -> list[str]:
    """No formula in the ODS or XLSX markup; the text of every cell (python-calamine)."""
    from python_calamine import CalamineWorkbook

    with zipfile.ZipFile(folder / "underlying-data.ods") as z:
        content = ET.fromstring(z.read("content.xml"))
    table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    assert not any(f"{{{table_ns}}}formula" in el.attrib for el in content.iter())
    with zipfile.ZipFile(folder / "underlying-data.xlsx") as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                sheet = ET.fromstring(z.read(name))
                assert not [el for el in sheet.iter() if el.tag.endswith("}f")], name
    texts = []
    for book in ("underlying-data.ods", "underlying-data.xlsx"):
        wb = CalamineWorkbook.from_path(str(folder / book))
        for sheet in wb.sheet_names:
            for row in wb.get_sheet_by_name(sheet).to_python():
                texts += [c for c in row if isinstance(c, str)]
    return texts


def check_csvs(folder: Path) -> None:
    for path in files(folder, ".csv"):
        for row in _read_csv(path, "utf-8"):
            for cell in row:
                assert not (cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell)), (
                    f"{path.name}: {cell!r} would be read as a formula"
                )


def json_strings(data: Any) -> set[str]:
    """Every string of a JSON document, keys included."""
    if isinstance(data, dict):
        return set(data).union(*(json_strings(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(json_strings(v) for v in data))
    return {data} if isinstance(data, str) else set()


def check_no_dropped_text(folder: Path, marker: str) -> None:
    """Fields the adapter drops (names, addresses, owners) are in no file."""
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix in (".ods", ".xlsx"):
                with zipfile.ZipFile(path) as z:
                    data = b"".join(z.read(n) for n in z.namelist())
            assert marker.encode() not in data, path


# --- the builds ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def la_builds(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The LA release from hostile inputs, and from the clean ones."""
    root = tmp_path_factory.mktemp("injection")
    history = hostile_history(shared, root, INERT)
    ledger = hostile_ledger(root, INERT)
    out = {}
    for name, source, corrections, producer in (
        ("hostile", history, ledger, INERT["html"]),
        (
            "clean",
            shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv",
            LEDGER,
            "A. Producer",
        ),
    ):
        out[name] = root / name
        p = run(
            "release",
            "--as-at",
            "2024-03-31",
            "--source",
            f"d2i:{source}",
            "--corrections",
            str(corrections),
            "--out",
            str(out[name]),
            "--producer",
            producer,
            "--assurer",
            INERT["attribute"],
        )
        assert p.returncode == 0, p.stderr
    return out["hostile"], out["clean"]


@pytest.fixture(scope="module")
def provider_builds(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("injection-providers")
    out = {}
    for name, source in (
        ("hostile", hostile_providers(shared, root, INERT)),
        ("clean", shared / "data" / "providers" / "provider_level_at_31_march_2024.csv"),
    ):
        out[name] = root / name
        p = run(
            "providers",
            "release",
            "--as-at",
            "2024-03-31",
            "--source",
            f"ofsted-providers:{source}",
            "--out",
            str(out[name]),
        )
        assert p.returncode == 0, p.stderr
    return out["hostile"], out["clean"]


# --- the LA release --------------------------------------------------------------------------


def test_la_pages_hold_only_the_templates_markup(la_builds: tuple[Path, Path]) -> None:
    check_pages_have_only_template_markup(*la_builds)
    qa = (la_builds[0] / "quality-assurance.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in qa  # shown, as text


def test_la_svgs_spreadsheets_and_csvs_are_inert(la_builds: tuple[Path, Path]) -> None:
    hostile = la_builds[0]
    check_svgs(hostile)
    texts = check_spreadsheets(hostile)
    # The names on the cover sheets are read back as the text they were.
    assert any(INERT["html"] in t for t in texts)
    check_csvs(hostile)


def test_la_json_keeps_every_value_exactly(la_builds: tuple[Path, Path]) -> None:
    hostile = la_builds[0]
    qa = json.loads((hostile / "qa-report.json").read_text(encoding="utf-8"))
    # Every grade cell kept as found (the sources trim the spaces around a value).
    trimmed = {v.strip() for v in INERT.values()}
    assert trimmed <= {a["value"] for a in qa["anomalies"]}
    assert trimmed <= {c["evidence"] for c in qa["corrections"]}
    manifest = json.loads((hostile / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["producer"] == INERT["html"]
    json.loads((hostile / "figures.json").read_text(encoding="utf-8"))


def test_la_govspeak_carries_no_input_markup(la_builds: tuple[Path, Path]) -> None:
    text = (la_builds[0] / "main-findings.govspeak.md").read_text(encoding="utf-8")
    for value in INERT.values():
        assert value.strip() not in text
    assert "<" not in text and "javascript:" not in text


def test_unused_and_link_fields_are_never_written_as_links(la_builds: tuple[Path, Path]) -> None:
    for page in files(la_builds[0], ".html"):
        links = elements(page.read_text(encoding="utf-8")).links
        assert not [u for u in links if "alert" in u or u.startswith("javascript")], page.name


# --- the providers release -------------------------------------------------------------------


def test_provider_outputs_are_inert(provider_builds: tuple[Path, Path]) -> None:
    hostile, clean = provider_builds
    check_pages_have_only_template_markup(hostile, clean)
    check_svgs(hostile)
    texts = check_spreadsheets(hostile)
    for value in INERT.values():  # the LA names, read back exactly as text
        assert " ".join(value.split()) in texts
    check_csvs(hostile)
    figures = json.loads((hostile / "figures.json").read_text(encoding="utf-8"))
    assert INERT["formula"] in json_strings(figures)  # an LA name, kept exactly


def test_names_addresses_and_owners_never_leave_the_adapter(
    provider_builds: tuple[Path, Path],
) -> None:
    # The hostile values sit in the LA column too, so look for a marker only the dropped
    # columns could carry: the row's own town (replaced by the same values) is not enough.
    check_no_dropped_text(provider_builds[0], "Affinity Fostering")


# --- pages in a real browser -----------------------------------------------------------------

RECORD = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.mark.browser
@pytest.mark.parametrize("release", ["la", "providers"])
def test_no_script_runs_and_the_policy_holds(
    release: str, la_builds: tuple[Path, Path], provider_builds: tuple[Path, Path], browser: Any
) -> None:
    folder = (la_builds if release == "la" else provider_builds)[0]
    dialogs: list[str] = []
    with serve(folder) as url:
        for page_file in files(folder, ".html"):
            page = browser.new_page()
            page.add_init_script(RECORD)
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"{url}/{page_file.relative_to(folder)}")
            page.wait_for_load_state("networkidle")
            page.hover("body")
            assert page.evaluate("window.__pwned") is None, page_file.name
            assert page.evaluate("window.__violations") == [], page_file.name
            policy = page.locator("meta[http-equiv='Content-Security-Policy']")
            assert "script-src 'self'" in (policy.get_attribute("content") or "")
            # The policy is in force: an inline script is refused and reported.
            page.evaluate("""() => { const s = document.createElement('script');
                s.textContent = 'window.__inline = 1'; document.head.appendChild(s); }""")
            page.wait_for_timeout(50)
            assert page.evaluate("window.__inline") is None
            assert page.evaluate("window.__violations.length") == 1
            page.close()
    assert dialogs == []


# --- refused values --------------------------------------------------------------------------

runner = CliRunner()


def _refused(args: list[str], file: Path, field: str) -> None:
    r = runner.invoke(app, args)
    assert r.exit_code == 2, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.output, r.output
    assert str(file) in lines[0] and f"field '{field}'" in lines[0], lines[0]
    assert re.search(r"row \d+", lines[0]), lines[0]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_la_names_and_dates_are_refused(name: str, shared: Path, tmp_path: Path) -> None:
    rows = _read_csv(shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv")
    h = rows[0]
    for column in ("local_authority", "inspection_start_date"):
        changed = [list(r) for r in rows]
        changed[7][h.index(column)] = HOSTILE[name]
        path = _write_csv(tmp_path / f"{column}.csv", changed)
        # A too-long cell is refused for its length; others as no LA or no date.
        _refused(["figures", "--as-at", "2024-03-31", "--source", f"d2i:{path}"], path, column)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hidden_characters_and_long_values_are_refused_where_published(
    name: str, shared: Path, tmp_path: Path
) -> None:
    value = {name: REFUSED[name]}
    ledger = hostile_ledger(tmp_path, {**INERT, **value})
    source = f"d2i:{shared / 'data' / 'ilacs' / 'ofsted_csc_ilacs_history.csv'}"
    _refused(
        ["figures", "--as-at", "2024-03-31", "--source", source, "--corrections", str(ledger)],
        ledger,
        "evidence",
    )
    providers = hostile_providers(shared, tmp_path, value)
    _refused(
        [
            "providers",
            "figures",
            "--as-at",
            "2024-03-31",
            "--source",
            f"ofsted-providers:{providers}",
        ],
        providers,
        "Local authority",
    )
    r = runner.invoke(
        app,
        [
            "release",
            "--as-at",
            "2024-03-31",
            "--source",
            source,
            "--out",
            str(tmp_path / "out"),
            "--producer",
            REFUSED[name],
        ],
    )
    assert r.exit_code == 2 and "--producer" in r.output, r.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hidden_characters_in_the_pre_release_list_are_refused(name: str, tmp_path: Path) -> None:
    from inspection_outcomes.core.pages import read_pre_release
    from inspection_outcomes.errors import InputError

    path = hostile_pre_release(tmp_path, {name: REFUSED[name]})
    with pytest.raises(InputError, match=r"row 2, field 'role'"):
        read_pre_release(path)
    assert read_pre_release(hostile_pre_release(tmp_path, INERT)) == [
        (v.strip(), v.strip()) for v in INERT.values()
    ]


def test_flagged_grade_with_hidden_characters_is_kept_and_shown(
    shared: Path, tmp_path: Path
) -> None:
    history = hostile_history(shared, tmp_path, {**INERT, **REFUSED} | {"long": "x"})
    out = tmp_path / "release"
    p = run("release", "--as-at", "2024-03-31", "--source", f"d2i:{history}", "--out", str(out))
    assert p.returncode == 0, p.stderr
    qa = json.loads((out / "qa-report.json").read_text(encoding="utf-8"))
    assert REFUSED["bidi"] in {a["value"] for a in qa["anomalies"]}  # kept exactly
    page = (out / "quality-assurance.html").read_text(encoding="utf-8")
    assert "good⟨U+202E⟩doog" in page and "\u202e" not in page and "\x07" not in page


# --- the rules themselves --------------------------------------------------------------------


@pytest.mark.parametrize("value", [*HOSTILE.values(), "'=1", "''+2", "-3.5", "+4", "x"])
def test_csv_defusing_is_undone_exactly(value: str) -> None:
    written = csv_cell(value)
    assert not (written.startswith(FORMULA_START) and not NUMBER.fullmatch(written))
    assert csv_cell_read(written) == value


@pytest.mark.parametrize(
    "url, link",
    [
        ("https://files.ofsted.gov.uk/v1/file/50276411", True),
        ("https://reports.ofsted.gov.uk/provider/44/80573", True),
        ("https://ofsted.gov.uk/x", True),
        ("http://files.ofsted.gov.uk/v1/file/1", False),
        ("javascript:alert(1)", False),
        ("https://ofsted.gov.uk.example.org/x", False),
        ("https://evil.example/ofsted.gov.uk", False),
        ("https://user@files.ofsted.gov.uk/x", False),
        ("https://files.ofsted.gov.uk:8443/x", False),
        ("https://files.ofsted.gov.uk/x\u202e", False),
        (" https://files.ofsted.gov.uk/x", False),
        ("//files.ofsted.gov.uk/x", False),
        ("", False),
    ],
)
def test_only_https_links_to_the_publisher_are_links(url: str, link: bool) -> None:
    assert (publisher_link(url) == url) is link


def test_hidden_characters_are_shown_as_code_points() -> None:
    assert shown("a\u202eb\x00c\td") == "a⟨U+202E⟩b⟨U+0000⟩c\td"


# --- text read from report PDFs ---------------------------------------------------------------

#: Hostile values a report's text layer can carry (its font's encoding: no control or
#: bidirectional characters, which are tested on the sources that can hold them).
REPORT_VALUES = {k: v for k, v in INERT.items() if k not in ("tab", "carriage_return")}
DORSET = "2532283_dorset__childrens_services_inspection_-_09_may_2025.pdf"


def _report_folder(root: Path, values: dict[str, str]) -> Path:
    """A folder of crafted reports: one Dorset report whose grades, lead inspector and
    heading hold the values, and a file that is no report under a hostile name."""
    from tests.test_report_files import ILACS_PAGE, text_pdf

    folder = root / "reports"
    folder.mkdir()
    lines = list(ILACS_PAGE)
    lines[2] = f"Lead inspector: {values['attribute']}"
    lines[4] = (
        f"The impact of leaders on social work practice with children and families {values['formula']}"
    )
    lines[8] = f"Overall effectiveness {values['html']}"
    lines.append(values["govspeak"])
    lines.append(values["xml"])
    text_pdf(folder / DORSET, lines)
    name = values["html"].replace("/", "_")
    (folder / f"80559_southend-on-sea__{name}.pdf").write_bytes(
        values["spreadsheet_markup"].encode()
    )
    return folder


@pytest.fixture(scope="module")
def report_builds(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The LA release with hostile report text, and with harmless text in the same places."""
    history = shared / "data" / "ilacs" / "ofsted_csc_ilacs_history.csv"
    plain = {k: f"plain {k}" for k in REPORT_VALUES}
    out = {}
    for name, values in (("hostile", REPORT_VALUES), ("clean", plain)):
        root = tmp_path_factory.mktemp(f"reports-{name}")
        folder = _report_folder(root, values)
        out[name] = root / "release"
        p = run(
            "release",
            "--as-at",
            "2025-03-31",
            "--source",
            f"d2i:{history}",
            "--corrections",
            str(LEDGER),
            "--reports",
            str(folder),
            "--out",
            str(out[name]),
        )
        assert p.returncode == 0, p.stderr
        extract = run(
            "reports",
            "extract",
            str(folder),
            "--out",
            str(root / "records.csv"),
            "--anomalies",
            str(root / "anomalies.csv"),
        )
        assert extract.returncode == 1, extract.stderr  # some files or fields not read
        assert "\x1b" not in extract.stderr
    return out["hostile"], out["clean"]


def test_report_text_comes_out_inert_in_every_output(report_builds: tuple[Path, Path]) -> None:
    hostile, clean = report_builds
    check_pages_have_only_template_markup(hostile, clean)
    check_svgs(hostile)
    check_spreadsheets(hostile)
    check_csvs(hostile)
    check_csvs(hostile.parent)  # the records and anomalies `reports extract` wrote
    qa_page = (hostile / "quality-assurance.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in qa_page  # the text found, shown as text
    govspeak = (hostile / "main-findings.govspeak.md").read_text(encoding="utf-8")
    assert "<" not in govspeak and "javascript:" not in govspeak


def test_report_text_is_kept_exactly_in_json_and_read_back_from_csv(
    report_builds: tuple[Path, Path],
) -> None:
    hostile = report_builds[0]
    qa = json.loads((hostile / "qa-report.json").read_text(encoding="utf-8"))
    name = REPORT_VALUES["html"].replace("/", "_")
    assert any(name in s for s in json_strings(qa))  # the hostile file name, as it is
    # the text found where a grade should be: defused in the CSV, the same when read back
    rows = _read_csv(hostile.parent / "anomalies.csv", "utf-8")
    found = [csv_cell_read(r[4]) for r in rows[1:]]
    assert any(REPORT_VALUES["formula"] in v for v in found)
