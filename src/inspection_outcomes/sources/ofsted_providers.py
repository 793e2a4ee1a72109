"""Source adapter for Ofsted's provider-level data (CSV, ODS or XLSX) -> canonical provider records.

Ofsted publishes the provider-level tables below a few title rows, one table per sheet, with
headers that vary between years (line breaks, capitals, spaces) and values that vary too
("Children's home" and "Children's Home", "Full Inspection"). CSV copies come in whatever
text encoding the copier's software used. This module finds each table by its header row,
tells the tables apart by their columns (not by sheet names, which change), and normalises
every value it keeps. Spreadsheets are read with python-calamine (a 2 MB ODS in about a second).

Names, addresses, postcodes, web links and owner organisations are never kept: the owner is
read only to set ``la_trust`` and then dropped. Error messages name the file, row and column,
and quote a cell only from columns that hold none of those.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from inspection_outcomes.errors import InputError
from inspection_outcomes.model import providers as pm
from inspection_outcomes.model.providers import JoinerLeaver, ProviderEvent, ProviderRecord
from inspection_outcomes.safe_text import plain_text

SPREADSHEET_SUFFIXES = (".ods", ".xlsx", ".xlsm", ".xls")
#: Rows searched for a header row below a sheet's title rows.
HEADER_SEARCH_ROWS = 20

#: field -> header names (normalised: lower case, single spaces, straight apostrophes).
COLUMNS: dict[str, tuple[str, ...]] = {
    "urn": ("urn",),
    "provision_type": ("provision type",),
    "registration_date": ("registration date",),
    "registration_status": ("registration status",),
    "sector": ("sector",),
    "ofsted_region": ("ofsted region",),
    "local_authority": ("local authority",),
    "places": ("places",),
    "sa_premises": ("supported accommodation premises", "premises"),
    "short_break_only": ("short-break-only children's home", "short break only children's home"),
    "multi_building": ("multi-building children's home", "multi building children's home"),
    "owner": ("organisation which owns the provider", "organisation name"),
    "latest_event_type": ("latest full inspection event type",),
    "latest_inspection_date": ("latest full inspection date",),
    "latest_publication_date": ("latest full inspection publication date",),
    "latest_event_number": ("latest full inspection event number",),
    "overall": ("overall experiences and progress of children and young people",),
    "help_and_protection": ("how well children and young people are helped and protected",),
    "leaders_and_managers": (
        "the effectiveness of leaders and managers",
        "effectiveness of leaders and managers",
    ),
    "sa_outcome": ("supported accommodation outcome",),
    "previous_inspection_date": (
        "previous full inspection event date",
        "previous full inspection date",
    ),
    "previous_overall": ("previous overall experiences and progress of children and young people",),
    "event_type": ("inspection event type",),
    "inspection_date": ("inspection date",),
    "publication_date": ("inspection publication date",),
    "event_number": ("inspection event number",),
    "joiner": ("joiner status",),
    "leaver": ("leaver status",),
}

#: Columns each kind of table must have.
REQUIRED: dict[str, tuple[str, ...]] = {
    "latest": (
        "urn",
        "provision_type",
        "sector",
        "ofsted_region",
        "local_authority",
        "latest_event_type",
        "latest_inspection_date",
        "latest_publication_date",
        "overall",
    ),
    "events": (
        "urn",
        "provision_type",
        "sector",
        "ofsted_region",
        "local_authority",
        "event_type",
        "inspection_date",
        "publication_date",
        "overall",
    ),
    "register": ("urn", "provision_type", "sector", "ofsted_region", "local_authority", "places"),
    "joiners_leavers": (
        "urn",
        "provision_type",
        "sector",
        "ofsted_region",
        "local_authority",
        "joiner",
        "leaver",
    ),
}

#: Non-ASCII characters that English official data plausibly holds; used to choose between
#: single-byte encodings that all decode any byte string.
_PLAUSIBLE = set("’‘“”–—£€…•·°½¼¾éèêëàâäçôöûüùïîíóúáñÉÀ")
_FALLBACK_ENCODINGS = ("cp1252", "mac_roman", "latin-1")


@dataclass
class ProviderSource:
    """Canonical records read from one provider-level file; None where it lacks that table."""

    path: Path
    encoding: str | None = None
    providers: list[ProviderRecord] | None = None
    providers_as_at: date | None = None
    providers_have_sa_outcome: bool = False
    #: the latest table's columns (normalised): a Places column makes it the register too
    latest_columns: tuple[str, ...] = ()
    #: the register's columns (normalised): which home types and premises it records
    register_columns: tuple[str, ...] = ()
    register: list[ProviderRecord] | None = None
    register_as_at: date | None = None
    #: the register lists every registered provider: a providers-and-places table, or a
    #: latest-inspection table that lists providers not yet inspected. Ofsted's 2024 provider
    #: level CSV lists inspected providers only (none without an inspection, none registered
    #: after 15 December 2023), so it counts providers and places but is no register to
    #: find joiners and leavers against.
    register_complete: bool = False
    events: list[ProviderEvent] | None = None
    events_period: tuple[date, date] | None = None
    events_have_sa_outcome: bool = False
    joiners_leavers: list[JoinerLeaver] | None = None
    joiners_leavers_period: tuple[date, date] | None = None
    tables: dict[str, str] = field(default_factory=dict)

    def records(self, fld: str, table: str = "register") -> bool:
        """Whether the register (or the latest table) has a column for a field of COLUMNS."""
        columns = self.register_columns if table == "register" else self.latest_columns
        return any(name in columns for name in COLUMNS[fld])


@dataclass
class _Table:
    name: str
    title: str
    header_index: int
    header: list[str]
    labels: list[str]
    rows: list[list[Any]]


# --- entry point -----------------------------------------------------------------------------


def read_provider_source(path: str | Path) -> ProviderSource:
    """Read every provider-level table of a CSV, ODS or XLSX file into canonical records."""
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", file=p)
    encoding: str | None = None
    if p.suffix.lower() in SPREADSHEET_SUFFIXES:
        sheets = _read_spreadsheet(p)
    else:
        text, encoding = decode_text(p.read_bytes())
        sheets = [("csv", _csv_rows(text, p))]
    src = ProviderSource(path=p, encoding=encoding)
    found = False
    for name, rows in sheets:
        table = _find_table(name, rows)
        if table is None:
            continue
        found = True
        kind = _kind(table)
        if kind is None:
            continue
        _load(src, kind, table)
    if not found:
        raise InputError(
            f"not a provider-level file: no header row with 'URN' and 'Provision type' in the "
            f"first {HEADER_SEARCH_ROWS} rows of any sheet",
            file=p,
        )
    if src.register is None and src.providers is not None and "places" in src.latest_columns:
        # a latest-inspection table that also carries registration (Places, status) is the
        # register too: every provider it lists, with its places (no separate table needed)
        src.register, src.register_as_at = src.providers, src.providers_as_at
        src.tables["register"] = src.tables["latest"]
        src.register_columns = src.latest_columns
        src.register_complete = any(r.latest_inspection_date is None for r in src.providers)
    elif src.register is not None:
        src.register_complete = True
    if src.providers is None and src.events is None and src.register is None:
        raise InputError(
            "no provider-level table: expected a header with 'Latest full inspection event "
            "type', 'Inspection event type' or 'Places'",
            file=p,
        )
    return src


# --- reading files ---------------------------------------------------------------------------


def decode_text(raw: bytes) -> tuple[str, str]:
    """Decode a CSV's bytes: UTF-8 (strict, with or without BOM), else the likeliest of
    Windows-1252, Mac Roman and Latin-1.

    Single-byte encodings decode any bytes, so a wrong one fails silently (Mac Roman's
    right quote 0xD5 is 'Õ' in Windows-1252). Each candidate is scored by how many of its
    non-ASCII characters are ones English text plausibly holds (curly quotes, dashes, £,
    accented letters); the best wins, ties going to the earlier candidate. (A general
    detector such as charset-normalizer takes the Mac Roman copy of 2024 for Windows-1250.)
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[int, str, str] | None = None
    for enc in _FALLBACK_ENCODINGS:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        score = sum(1 if ch in _PLAUSIBLE else -1 for ch in set(text) if ord(ch) > 127)
        if best is None or score > best[0]:
            best = (score, text, enc)
    assert best is not None  # latin-1 decodes anything
    return best[1], best[2]


def _csv_rows(text: str, path: Path) -> list[list[Any]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return [list(r) for r in reader]
    except csv.Error as e:
        raise InputError(f"not a readable CSV row ({e})", file=path, row=reader.line_num) from None


def _read_spreadsheet(p: Path) -> list[tuple[str, list[list[Any]]]]:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(p))
        return [
            (name, wb.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in wb.sheet_names
        ]
    except Exception as e:  # calamine raises its own types for unreadable files
        raise InputError(f"cannot read as a spreadsheet ({type(e).__name__})", file=p) from None


# --- finding and classifying tables ----------------------------------------------------------


def normalise_header(cell: Any) -> str:
    """'\\nLatest Full inspection  event type' -> 'latest full inspection event type'."""
    return " ".join(str(cell).replace("\u2019", "'").split()).lower()


def _find_table(name: str, rows: list[list[Any]]) -> _Table | None:
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        header = [normalise_header(c) for c in row]
        if "urn" in header and "provision type" in header:
            title = next((str(c).strip() for r in rows[:i] for c in r if str(c).strip()), "")
            labels = [" ".join(str(c).split()) for c in row]
            return _Table(name, title, i, header, labels, rows[i + 1 :])
    return None


def _kind(t: _Table) -> str | None:
    h = set(t.header)
    if "latest full inspection event type" in h:
        return "latest"
    if "inspection event type" in h:
        return "events"
    if "joiner status" in h:
        return "joiners_leavers"
    if any(c.startswith("premises ") for c in h):
        return None  # supported accommodation premises: one row per premises, not provider
    if "places" in h:
        return "register"
    return None


_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}


def title_as_at(title: str) -> date | None:
    """The date of 'Provider level as at 31 March 2024' (None when the title has none)."""
    m = re.search(r"\bat (\d{1,2}) ([A-Za-z]+) (\d{4})", title)
    if m and m.group(2).lower() in _MONTHS:
        return date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    return None


def title_period(title: str) -> tuple[date, date] | None:
    """The year of 'Provider level in year 2024-25': 1 April 2024 to 31 March 2025."""
    m = re.search(r"\bin year (\d{4})\s*[-–]\s*(\d{2})\b", title)
    if m:
        y = int(m.group(1))
        return date(y, 4, 1), date(y + 1, 3, 31)
    return None


# --- values ----------------------------------------------------------------------------------


class _Row:
    """One data row with its column positions; errors point at file, row and column."""

    def __init__(
        self, file: str, name: str, number: int, cells: list[Any], cols: dict[str, tuple[int, str]]
    ) -> None:
        self.file = file
        self.name = name
        self.number = number
        self.cells = cells
        self.cols = cols

    def raw(self, fld: str) -> Any:
        if fld not in self.cols:
            return ""
        i = self.cols[fld][0]
        return self.cells[i] if i < len(self.cells) else ""

    def text(self, fld: str) -> str:
        v = self.raw(fld)
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return " ".join(str(v).split()) if v is not None else ""

    def error(self, fld: str, expected: str) -> InputError:
        return InputError(expected, file=self.file, row=self.number, field=self.cols[fld][1])

    def urn(self) -> str:
        u = self.text("urn")
        if not u:
            raise self.error("urn", "expected a URN")
        return u

    def date(self, fld: str) -> date | None:
        v = self.raw(fld)
        if isinstance(v, datetime):
            return v.date()
        if isinstance(v, date):
            return v
        if isinstance(v, int | float) and not isinstance(v, bool):
            if 1 <= v < 2958466:  # Excel/ODS serial day numbers
                return date(1899, 12, 30) + timedelta(days=int(v))
            raise self.error(fld, "expected a date as day/month/year")
        s = str(v or "").strip()
        if not s:
            return None
        for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y", "%Y-%m-%d %H:%M:%S"):
            try:
                return datetime.strptime(s, fmt).date()
            except ValueError:
                continue
        raise self.error(fld, "expected a date as day/month/year")

    def count(self, fld: str) -> int | None:
        v = self.raw(fld)
        if isinstance(v, int | float) and not isinstance(v, bool):
            if float(v).is_integer() and v >= 0:
                return int(v)
            raise self.error(fld, "expected a whole number")
        s = str(v or "").strip()
        if not s:
            return None
        if s.isdigit():
            return int(s)
        raise self.error(fld, "expected a whole number")

    def mapped(self, fld: str, parse: Callable[[str], str | None], expected: str) -> str | None:
        s = self.text(fld)
        if not s:
            return None
        out = parse(s)
        if out is None:
            raise self.error(fld, f"expected {expected}, not '{s}'")
        return out

    def provision_type(self) -> str:
        out = self.mapped(
            "provision_type",
            pm.provision_type_key,
            "a provision type listed in model/data/provider_groups.csv",
        )
        if out is None:
            raise self.error("provision_type", "expected a provision type")
        return out

    def sector(self) -> str | None:
        return self.mapped(
            "sector",
            pm.sector_key,
            "Private, Local Authority, Voluntary, Academy or Health Authority",
        )

    def judgement(self, fld: str) -> str | None:
        return self.mapped(
            fld, pm.overall_key, "Outstanding, Good, Requires improvement to be good or Inadequate"
        )

    def sa_outcome(self) -> str | None:
        return self.mapped(
            "sa_outcome",
            pm.sa_outcome_key,
            "Consistently strong, Inconsistent quality or Serious or widespread weaknesses",
        )

    def key(self, fld: str) -> str | None:
        return pm.key_of(self.text(fld)) or None

    def plain(self, fld: str) -> str | None:
        """Text kept as the file writes it (and published so): plain text only."""
        text = self.text(fld)
        if text:
            plain_text(text, file=self.file, row=self.number, field=self.cols[fld][1])
        return text or None

    def region(self) -> str | None:
        """Ofsted's region as written: one of its 8 regions, or Wales for providers there."""
        return self.mapped(
            "ofsted_region",
            lambda s: s if s in pm.PROVIDER_REGIONS else None,
            "an Ofsted region (" + "; ".join(pm.PROVIDER_REGIONS) + ")",
        )

    def flag(self, fld: str) -> bool:
        return bool(self.text(fld))

    def la_trust(self) -> bool:
        # The owner's name is matched and dropped here: it never leaves this method.
        return pm.is_la_trust(self.text("owner"))


def _columns(file: str, t: _Table, kind: str) -> dict[str, tuple[int, str]]:
    cols: dict[str, tuple[int, str]] = {}
    for fld, names in COLUMNS.items():
        for i, h in enumerate(t.header):
            if h in names and fld not in cols:
                cols[fld] = (i, t.labels[i])
    for fld in REQUIRED[kind]:
        if fld not in cols:
            where = "" if t.name == "csv" else f" of sheet '{t.name}'"
            raise InputError(
                f"missing column in the header row{where}",
                file=file,
                row=t.header_index + 1,
                field=COLUMNS[fld][0],
            )
    return cols


def _data_rows(file: str, name: str, t: _Table, kind: str) -> list[_Row]:
    cols = _columns(file, t, kind)
    out = []
    for i, cells in enumerate(t.rows):
        if not any(str(c).strip() for c in cells if c is not None):
            continue
        out.append(_Row(file, name, t.header_index + 2 + i, cells, cols))
    return out


def _load(src: ProviderSource, kind: str, t: _Table) -> None:
    rows = _data_rows(str(src.path), src.path.name, t, kind)
    where = "csv" if t.name == "csv" else t.name
    has_sa = "supported accommodation outcome" in t.header
    if kind in ("latest", "register"):
        records = [_provider(r, kind, where) for r in rows]
        if kind == "latest":
            _once(src.providers, src, t, kind)
            src.providers, src.providers_as_at = records, title_as_at(t.title)
            src.providers_have_sa_outcome = has_sa
            src.latest_columns = tuple(t.header)
        else:
            _once(src.register, src, t, kind)
            src.register, src.register_as_at = records, title_as_at(t.title)
            src.register_columns = tuple(t.header)
    elif kind == "events":
        _once(src.events, src, t, kind)
        src.events = [_event(r, where) for r in rows]
        src.events_period = title_period(t.title)
        src.events_have_sa_outcome = has_sa
    else:
        _once(src.joiners_leavers, src, t, kind)
        src.joiners_leavers = [_joiner_leaver(r, where) for r in rows]
        as_at = title_as_at(t.title)
        src.joiners_leavers_period = (
            (date(as_at.year - 1, as_at.month, as_at.day) + timedelta(days=1), as_at)
            if as_at
            else None
        )
    src.tables[kind] = where


def _once(existing: Sequence[object] | None, src: ProviderSource, t: _Table, kind: str) -> None:
    if existing is not None:
        raise InputError(f"two '{kind}' tables: '{src.tables[kind]}' and '{t.name}'", file=src.path)


def _provider(r: _Row, kind: str, where: str) -> ProviderRecord:
    latest = kind == "latest"
    return ProviderRecord(
        urn=r.urn(),
        provision_type=r.provision_type(),
        registration_date=r.date("registration_date"),
        registration_status=r.key("registration_status"),
        sector=r.sector(),
        la_trust=r.la_trust(),
        ofsted_region=r.region(),
        local_authority=r.plain("local_authority"),
        places=r.count("places"),
        sa_premises=r.count("sa_premises"),
        short_break_only=r.flag("short_break_only"),
        multi_building=r.flag("multi_building"),
        latest_event_type=r.key("latest_event_type") if latest else None,
        latest_inspection_date=r.date("latest_inspection_date") if latest else None,
        latest_publication_date=r.date("latest_publication_date") if latest else None,
        latest_event_number=r.plain("latest_event_number") if latest else None,
        overall=r.judgement("overall") if latest else None,
        help_and_protection=r.judgement("help_and_protection") if latest else None,
        leaders_and_managers=r.judgement("leaders_and_managers") if latest else None,
        previous_inspection_date=r.date("previous_inspection_date") if latest else None,
        previous_overall=r.judgement("previous_overall") if latest else None,
        sa_outcome=r.sa_outcome() if latest else None,
        source_file=r.name,
        source_table=where,
        source_row=r.number,
    )


def _event(r: _Row, where: str) -> ProviderEvent:
    return ProviderEvent(
        urn=r.urn(),
        provision_type=r.provision_type(),
        registration_status=r.key("registration_status"),
        sector=r.sector(),
        la_trust=r.la_trust(),
        ofsted_region=r.region(),
        local_authority=r.plain("local_authority"),
        event_type=r.key("event_type"),
        inspection_date=r.date("inspection_date"),
        publication_date=r.date("publication_date"),
        event_number=r.plain("event_number"),
        overall=r.judgement("overall"),
        help_and_protection=r.judgement("help_and_protection"),
        leaders_and_managers=r.judgement("leaders_and_managers"),
        sa_outcome=r.sa_outcome(),
        source_file=r.name,
        source_table=where,
        source_row=r.number,
    )


def _joiner_leaver(r: _Row, where: str) -> JoinerLeaver:
    return JoinerLeaver(
        urn=r.urn(),
        provision_type=r.provision_type(),
        sector=r.sector(),
        la_trust=False,
        ofsted_region=r.region(),
        local_authority=r.plain("local_authority"),
        places=r.count("places"),
        joiner=r.flag("joiner"),
        leaver=r.flag("leaver"),
        source_file=r.name,
        source_table=where,
        source_row=r.number,
    )
