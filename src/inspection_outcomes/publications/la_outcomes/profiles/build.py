"""Every LA's profile as at a release's date, from one warehouse in a few queries: its codes,
region and structural changes; its latest graded inspection beside the previous one; its
history of inspections and visits; its neighbours with their latest judgements; its next
inspection (the framework's rule and what the history shows); and its standing in England
and its region. Plain data, one profile per LA, for a terminal, JSON or a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from inspection_outcomes.model.frameworks import EVENT_TYPES
from inspection_outcomes.model.local_authorities import LocalAuthority
from inspection_outcomes.publications.la_outcomes.profiles.directory import LaDirectory
from inspection_outcomes.publications.la_outcomes.profiles.gaps import GapRow, observed_gaps
from inspection_outcomes.publications.la_outcomes.profiles.neighbours import NeighbourSource
from inspection_outcomes.publications.la_outcomes.profiles.next_inspection import (
    NextInspection,
    next_inspection,
)
from inspection_outcomes.publications.la_outcomes.profiles.records import (
    Event,
    LaEvents,
    la_events,
)
from inspection_outcomes.publications.la_outcomes.profiles.standing import (
    AREA,
    AsAtJudgements,
    Standing,
    as_at_judgements,
    standing,
)
from inspection_outcomes.publications.la_outcomes.spec import ReleaseSpec
from inspection_outcomes.store.inspections import Warehouse

EXISTS = "exists"
NOT_YET_CREATED = "not_yet_created"
CEASED = "ceased"


@dataclass(frozen=True)
class LaRef:
    la_code: str
    name: str


@dataclass(frozen=True)
class LaIdentity:
    la_code: str
    old_la_code: str | None
    ofsted_urn: str | None
    name: str
    region: str
    valid_from: date | None
    valid_to: date | None
    former_gss_codes: tuple[str, ...]


@dataclass(frozen=True)
class StructuralChange:
    created_on: date | None
    predecessors: tuple[LaRef, ...]
    last_day: date | None
    successors: tuple[LaRef, ...]


@dataclass(frozen=True)
class Neighbour:
    position: int  # 1: the closest
    la_code: str
    name: str
    exists_at_date: bool
    judgements: Mapping[str, str | None]  # most recent in each area as at the date
    latest_inspection_start: date | None


@dataclass(frozen=True)
class Neighbours:
    basis: str  # statistical_neighbours, hex_map or not_available
    note: str
    file: str | None
    local_authorities: tuple[Neighbour, ...]


@dataclass(frozen=True)
class LaProfile:
    la: LaIdentity
    existence: str  # exists, not_yet_created or ceased (at the as-at date)
    structural_change: StructuralChange | None
    inspected: bool  # a graded inspection is held as at the date
    latest_inspection: Event | None
    previous_inspection: Event | None
    history: tuple[Event, ...]
    neighbours: Neighbours
    next_inspection: NextInspection | None  # None: the LA does not exist at the date
    standing: Standing | None


@dataclass(frozen=True)
class SourceSummary:
    description: str
    simulated: bool
    holds: tuple[str, ...]  # event types the source can hold
    corrections_applied: int


@dataclass(frozen=True)
class Profiles:
    as_at: date
    publication_cutoff: date
    source: SourceSummary
    observed_gaps: tuple[GapRow, ...]
    profiles: Mapping[str, LaProfile]  # by GSS code, in name order


def existence(la: LocalAuthority, day: date) -> str:
    if la.valid_from is not None and day < la.valid_from:
        return NOT_YET_CREATED
    return CEASED if la.valid_to is not None and day > la.valid_to else EXISTS


def identity(la: LocalAuthority) -> LaIdentity:
    return LaIdentity(
        la.la_code,
        la.old_la_code or None,
        la.ofsted_urn or None,
        la.name,
        la.region,
        la.valid_from,
        la.valid_to,
        la.former_gss_codes,
    )


def _refs(codes: Iterable[str], directory: LaDirectory) -> tuple[LaRef, ...]:
    return tuple(
        LaRef(c, directory.by_code[c].name if c in directory.by_code else c) for c in codes
    )


def structural_change(la: LocalAuthority, directory: LaDirectory) -> StructuralChange | None:
    if la.valid_from is None and la.valid_to is None:
        return None
    return StructuralChange(
        la.valid_from,
        _refs(la.predecessors, directory),
        la.valid_to,
        _refs(la.successors, directory),
    )


@dataclass(frozen=True)
class _AsAt:
    """What every profile of a date reads: the LAs' events and latest judgements, the
    counts they are ranked by, the observed gaps and the neighbours."""

    spec: ReleaseSpec
    directory: LaDirectory
    events: Mapping[str, LaEvents]
    judgements: AsAtJudgements
    gaps: Mapping[tuple[str, str | None, str | None], GapRow]
    neighbours: NeighbourSource

    def neighbour(self, position: int, code: str) -> Neighbour:
        la = self.directory.by_code[code]
        latest = self.events.get(code, LaEvents()).latest
        return Neighbour(
            position,
            code,
            la.name,
            code in self.judgements.of_la,
            self.judgements.of_la.get(code, {}),
            latest.took_place if latest else None,
        )

    def profile(self, la: LocalAuthority) -> LaProfile:
        held = self.events.get(la.la_code, LaEvents())
        state = existence(la, self.spec.as_at)
        src = self.neighbours
        near = Neighbours(
            src.basis,
            src.note,
            src.file,
            tuple(self.neighbour(i, c) for i, c in enumerate(src.neighbours_of(la.la_code), 1)),
        )
        exists = state == EXISTS
        return LaProfile(
            la=identity(la),
            existence=state,
            structural_change=structural_change(la, self.directory),
            inspected=held.latest is not None,
            latest_inspection=held.latest,
            previous_inspection=held.previous,
            history=held.events,
            neighbours=near,
            next_inspection=(
                next_inspection(la, held.latest, self.spec.as_at, self.gaps) if exists else None
            ),
            standing=(
                standing(
                    self.judgements.counts,
                    la.region,
                    self.judgements.of_la.get(la.la_code, {}).get(AREA),
                )
                if exists
                else None
            ),
        )


def _described(wh: Warehouse) -> str:
    """The source, with the reports and the additions ledger that complete it."""
    text = str(wh.source.spec)
    history = wh.source.history
    if history is not None and history.reports is not None:
        text += f", with the reports of {history.reports.name}"
    if history is not None and history.additions_file is not None:
        n = len(history.additions)
        text += (
            f", and {n:,} record{'' if n == 1 else 's'} of the additions ledger "
            f"{history.additions_file.name} (secondary sources)"
        )
    return text


def build_profiles(
    wh: Warehouse,
    spec: ReleaseSpec,
    neighbours: NeighbourSource,
    *,
    directory: LaDirectory | None = None,
    only: Iterable[str] | None = None,
) -> Profiles:
    """The profiles of every LA of the source's LA table (or of the LAs with these GSS
    codes), as at the spec's date."""
    directory = directory or LaDirectory.of(wh)
    targets = (
        [directory.by_code[c] for c in dict.fromkeys(only)]
        if only is not None
        else sorted(directory.las, key=lambda la: (la.name, la.la_code))
    )
    needed = None
    if only is not None:
        needed = {la.la_code for la in targets}
        needed.update(c for la in targets for c in neighbours.neighbours_of(la.la_code))
    gaps = observed_gaps(wh, spec)
    at = _AsAt(
        spec,
        directory,
        la_events(wh, spec, needed),
        as_at_judgements(wh, spec, needed),
        {g.key: g for g in gaps},
        neighbours,
    )
    source = SourceSummary(
        _described(wh),
        wh.source.simulated,
        wh.source.holds or EVENT_TYPES,
        sum(1 for a in wh.applications if a.applied),
    )
    return Profiles(
        spec.as_at,
        spec.publication_cutoff,
        source,
        gaps,
        {la.la_code: at.profile(la) for la in targets},
    )
