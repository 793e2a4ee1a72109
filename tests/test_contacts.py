"""Who answers questions about a release comes from documented config, read as input: shown on
the cover sheets and pages of both publications, refused with one clear line when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_outcomes.core.contacts import CONTACTS_CSV, read_contacts
from inspection_outcomes.core.workbook import closing_sections
from inspection_outcomes.errors import InputError

HEADER = "release_kind,team,email,statistician,phone,source\n"


def test_each_publication_has_a_named_statistician_and_an_email_with_its_source() -> None:
    contacts = read_contacts(CONTACTS_CSV)
    assert set(contacts) == {"la", "providers"}
    for c in contacts.values():
        assert c.statistician and c.team and c.source
        assert c.email.endswith("@ofsted.gov.uk")


def test_the_cover_sheet_names_the_contact() -> None:
    from datetime import date

    contact = read_contacts(CONTACTS_CSV)["providers"]
    [_, section, *_] = closing_sections(date(2025, 7, 16), "A", "B", contact)
    assert section.heading == "Contact"
    assert f"Email: {contact.email}" in section.paragraphs
    assert any(contact.statistician in str(line) for line in section.paragraphs)


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("la,Team,someone@example.com,A Person,,a source", "email"),
        ("la,Team,javascript:alert(1)@ofsted.gov.uk,A Person,,a source", "email"),
        ("la,Team,a@ofsted.gov.uk,,,a source", "statistician"),
        ("la,Team,a@ofsted.gov.uk,A Person,=1+2,a source", "phone"),
        ("la,Team\u202e,a@ofsted.gov.uk,A Person,,a source", "team"),
    ],
)
def test_a_wrong_contact_is_refused_naming_row_and_field(
    tmp_path: Path, row: str, field: str
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_contacts(path)
    message = str(e.value)
    assert "contacts.csv" in message and "row 2" in message and field in message
    assert "\n" not in message
