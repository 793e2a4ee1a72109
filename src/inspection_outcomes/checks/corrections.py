"""The corrections ledger: fixes to source records, each with the evidence that justifies it.

A ledger is a CSV with columns record, field, value_found, corrected_value, evidence, date.
Corrections are applied in ledger order, deterministically, and every one is reported:
applied, or not applied and why (record absent, or the source no longer holds value_found).
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import duckdb

from inspection_outcomes.errors import InputError
from inspection_outcomes.model.events import DATE_COLUMNS, JUDGEMENT_COLUMNS
from inspection_outcomes.model.frameworks import EVENT_TYPES, framework_versions
from inspection_outcomes.model.scale import JUDGEMENTS
from inspection_outcomes.safe_text import csv_cell_read, csv_text, plain_text

LEDGER_COLUMNS = ("record", "field", "value_found", "corrected_value", "evidence", "date")
CORRECTABLE = (*DATE_COLUMNS, *JUDGEMENT_COLUMNS, "event_type", "framework", "themes")


@dataclass(frozen=True)
class Correction:
    record: str
    field: str
    value_found: str
    corrected_value: str
    evidence: str
    date: str
    ledger_row: int


@dataclass(frozen=True)
class Application:
    correction: Correction
    applied: bool
    reason: str  # why not applied, or "" when applied

    def as_dict(self) -> dict[str, object]:
        d = asdict(self.correction)
        d.pop("ledger_row")
        return {**d, "applied": self.applied, "reason": self.reason}


def _check_value(path: Path, row: int, field: str, value: str) -> None:
    if field in JUDGEMENT_COLUMNS:
        ok, expected = value in (*JUDGEMENTS, ""), "a judgement (" + ", ".join(JUDGEMENTS) + ")"
    elif field in DATE_COLUMNS:
        try:
            date.fromisoformat(value)
            ok = True
        except ValueError:
            ok = False
        expected = "an ISO date YYYY-MM-DD"
    elif field == "event_type":
        ok, expected = value in EVENT_TYPES, "one of " + ", ".join(EVENT_TYPES)
    elif field == "framework":
        names = [f.framework for f in framework_versions()]
        ok, expected = value in names, "one of " + ", ".join(names)
    else:
        ok, expected = True, ""
    if not ok:
        raise InputError(
            f"corrected value '{value}' is not {expected}",
            file=path,
            row=row,
            field="corrected_value",
        )


def read_ledger(path: Path) -> list[Correction]:
    """Read and validate a corrections ledger."""
    if not path.is_file():
        raise InputError("no such corrections ledger", file=path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in LEDGER_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(
                    f"not a corrections ledger: missing column(s) {', '.join(missing)}", file=path
                )
            rows = list(reader)
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", file=path) from None
    except csv.Error as e:
        raise InputError(f"not a CSV file ({e})", file=path) from None
    out = []
    for i, raw in enumerate(rows, start=2):
        r = {
            c: plain_text(csv_cell_read(raw.get(c) or ""), file=path, row=i, field=c)
            for c in LEDGER_COLUMNS
        }
        for c in ("record", "field", "corrected_value", "evidence"):
            if not (r[c] or "").strip() and not (
                c == "corrected_value" and r["field"] in JUDGEMENT_COLUMNS
            ):
                raise InputError("empty (every correction needs it)", file=path, row=i, field=c)
        if r["field"] not in CORRECTABLE:
            raise InputError(
                f"'{r['field']}' is not a correctable field (" + ", ".join(CORRECTABLE) + ")",
                file=path,
                row=i,
                field="field",
            )
        _check_value(path, i, r["field"], r["corrected_value"].strip())
        out.append(
            Correction(
                r["record"].strip(),
                r["field"].strip(),
                r["value_found"],
                r["corrected_value"].strip(),
                r["evidence"].strip(),
                (r["date"] or "").strip(),
                i,
            )
        )
    return out


def ledger_text(ledger: list[Correction]) -> str:
    """The ledger as a CSV file again, in its order (formula-like text defused, so that
    `read_ledger` reads back the same corrections)."""
    return csv_text(LEDGER_COLUMNS, ([getattr(c, col) for col in LEDGER_COLUMNS] for c in ledger))


def apply_corrections(
    con: duckdb.DuckDBPyConnection, ledger: list[Correction], table: str = "events"
) -> list[Application]:
    """Apply the ledger to the events table; report every correction.

    Checked and applied in bulk (one query to read what the source holds, one update per
    field), in ledger order: for a record and field corrected twice, the later one wins.
    """
    from inspection_outcomes.store.bulk import insert_rows

    con.execute(
        "CREATE OR REPLACE TEMP TABLE ledger (position INTEGER, record VARCHAR, "
        "field VARCHAR, corrected_value VARCHAR)"
    )
    insert_rows(
        con, "ledger", [(i, c.record, c.field, c.corrected_value) for i, c in enumerate(ledger)]
    )
    current = " ".join(f"WHEN '{f}' THEN CAST(e.{f} AS VARCHAR)" for f in CORRECTABLE)
    held = con.execute(f"""
        SELECT (e.event_id IS NOT NULL) AS found,
               coalesce(v.value, CASE l.field {current} END, '') AS held
        FROM ledger AS l
        LEFT JOIN {table} AS e ON e.event_id = l.record
        LEFT JOIN source_values AS v ON v.event_id = l.record AND v.field = l.field
        ORDER BY l.position""").fetchall()
    results = []
    for c, (found, value) in zip(ledger, held, strict=True):
        if not found:
            results.append(Application(c, False, "record not in the source"))
        elif value.strip() != c.value_found.strip():
            results.append(
                Application(c, False, f"the source now holds '{value}', not '{c.value_found}'")
            )
        else:
            results.append(Application(c, True, ""))
    applied = [i for i, a in enumerate(results) if a.applied]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE applied AS SELECT * FROM ledger "
        f"WHERE position IN ({', '.join(map(str, applied)) or 'NULL'})"
    )
    types = {r[0]: r[1] for r in con.execute(f"DESCRIBE {table}").fetchall()}
    for field in sorted({ledger[i].field for i in applied}):
        con.execute(f"""
            UPDATE {table} SET {field} = CAST(NULLIF(a.corrected_value, '') AS {types[field]})
            FROM (SELECT record, arg_max(corrected_value, position) AS corrected_value
                  FROM applied WHERE field = '{field}' GROUP BY record) AS a
            WHERE {table}.event_id = a.record""")
    con.execute("DROP TABLE ledger; DROP TABLE applied")
    return results
