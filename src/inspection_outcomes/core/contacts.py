"""Who answers questions about a release: its team, email address, named statistician and
phone, from documented config (config/release_contacts.csv, each row with its source).

The file is input like any other: its text must be plain, and an email address must be on the
publisher's own domain (it becomes a mailto link on the pages).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from inspection_outcomes.errors import InputError
from inspection_outcomes.safe_text import PUBLISHER_DOMAIN, plain_text

CONTACTS_CSV = Path(__file__).resolve().parents[1] / "config" / "release_contacts.csv"
COLUMNS = ("release_kind", "team", "email", "statistician", "phone", "source")
_EMAIL = re.compile(r"[a-z0-9][a-z0-9._-]*@(?:[a-z0-9-]+\.)*" + re.escape(PUBLISHER_DOMAIN))
_PHONE = re.compile(r"[0-9 ]{0,20}")


@dataclass(frozen=True)
class Contact:
    team: str
    email: str
    statistician: str
    phone: str  # "" where none is published
    source: str


@cache
def read_contacts(path: Path = CONTACTS_CSV) -> dict[str, Contact]:
    """Each release kind's contact; a clear error naming file, row and field otherwise."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = set(COLUMNS) - set(reader.fieldnames or [])
        if missing:
            raise InputError(
                f"columns {list(COLUMNS)} expected, missing {sorted(missing)}", file=path, row=1
            )
        out = {}
        for i, r in enumerate(reader, start=2):
            values = {k: (r.get(k) or "").strip() for k in COLUMNS}
            for k in ("release_kind", "team", "email", "statistician", "source"):
                if not values[k]:
                    raise InputError("a non-empty value expected", file=path, row=i, field=k)
            for k, v in values.items():
                plain_text(v, file=path, row=i, field=k)
            if not _EMAIL.fullmatch(values["email"]):
                raise InputError(
                    f"an email address on {PUBLISHER_DOMAIN} expected, found {values['email']!r}",
                    file=path,
                    row=i,
                    field="email",
                )
            if not _PHONE.fullmatch(values["phone"]):
                raise InputError(
                    f"a phone number (digits and spaces) expected, found {values['phone']!r}",
                    file=path,
                    row=i,
                    field="phone",
                )
            out[values["release_kind"]] = Contact(
                values["team"],
                values["email"],
                values["statistician"],
                values["phone"],
                values["source"],
            )
    return out


def contact_for(release_kind: str) -> Contact | None:
    return read_contacts().get(release_kind)
