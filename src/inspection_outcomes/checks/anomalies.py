"""Anomalies: what a source holds that cannot be read as it stands. Flagged, never dropped."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Anomaly:
    """One field of one record that the source could not supply as expected."""

    file: str
    row: int
    field: str
    value: str
    problem: str
    record: str = ""  # the record's event_id, for the corrections ledger
    effect: str = ""  # what the engine does with it

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def line(self) -> str:
        return (
            f"{self.file}, row {self.row}, field '{self.field}': {self.problem}"
            f" (found {self.value!r}){'; ' + self.effect if self.effect else ''}"
        )
