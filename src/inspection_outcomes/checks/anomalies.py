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
    #: A class of problem, where the source names one (the reports reader: 'not_a_pdf', ...)
    kind: str = ""

    def as_dict(self) -> dict[str, object]:
        """The fields as a dict; `kind` only where set, so sources that name no kind of
        problem (D2I) write their anomalies as before."""
        d = asdict(self)
        if not self.kind:
            del d["kind"]
        return d

    def line(self) -> str:
        return (
            f"{self.file}, row {self.row}, field '{self.field}': {self.problem}"
            f" (found {self.value!r}){'; ' + self.effect if self.effect else ''}"
        )
