"""Framework versions of LA children's services inspection, with effective dates.

Which judgements an inspection gives depends on its framework version, chosen by the
inspection's start date. Outputs say which versions are in force rather than failing when a
judgement (such as overall effectiveness from 1 April 2026) is no longer given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from inspection_outcomes.model.reference import read_table

#: Judgement areas of ILACS, in the order the release presents them.
ILACS_AREAS = (
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
)
#: Areas of earlier frameworks only.
EARLIER_AREAS = ("adoption_performance", "leadership_management_governance")
ALL_AREAS = ILACS_AREAS + EARLIER_AREAS
SUB_JUDGEMENT_AREAS = ILACS_AREAS[1:]

AREA_LABELS = {
    "overall_effectiveness": "Overall effectiveness",
    "impact_of_leaders": "Impact of leaders",
    "help_and_protection": "Help and protection",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
    "adoption_performance": "Adoption performance",
    "leadership_management_governance": "Leadership, management and governance",
}

AREA_LONG_LABELS = {
    "overall_effectiveness": "Overall effectiveness",
    "impact_of_leaders": "The impact of leaders on social work practice with children and families",
    "help_and_protection": "The experiences and progress of children who need help and protection",
    "children_in_care": "The experiences and progress of children in care",
    "care_leavers": "The experiences and progress of care leavers",
    "adoption_performance": "Adoption performance",
    "leadership_management_governance": "Leadership, management and governance",
}

#: Event types of ILACS (graded first) and of earlier frameworks.
ILACS_GRADED_TYPES = ("standard_inspection", "short_inspection")
ILACS_EVENT_TYPES = (*ILACS_GRADED_TYPES, "focused_visit", "monitoring_visit")
EARLIER_EVENT_TYPES = ("sif_inspection", "cpi_inspection")
EVENT_TYPES = ILACS_EVENT_TYPES + EARLIER_EVENT_TYPES
GRADED_TYPES = (*ILACS_GRADED_TYPES, *EARLIER_EVENT_TYPES)

EVENT_TYPE_LABELS = {
    "standard_inspection": "Standard inspection",
    "short_inspection": "Short inspection",
    "focused_visit": "Focused visit",
    "monitoring_visit": "Monitoring visit",
    "sif_inspection": "Single inspection framework inspection",
    "cpi_inspection": "Child protection inspection",
}


@dataclass(frozen=True)
class FrameworkVersion:
    framework: str
    name: str
    effective_from: date
    effective_to: date | None
    judgements: tuple[str, ...]
    graded_event_types: tuple[str, ...]
    notes: str

    @property
    def is_ilacs(self) -> bool:
        return self.framework.startswith("ilacs")

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


@cache
def framework_versions() -> tuple[FrameworkVersion, ...]:
    return tuple(
        FrameworkVersion(
            framework=r["framework"],
            name=r["name"],
            effective_from=date.fromisoformat(r["effective_from"]),
            effective_to=date.fromisoformat(r["effective_to"]) if r["effective_to"] else None,
            judgements=tuple(r["judgements"].split(";")),
            graded_event_types=tuple(r["graded_event_types"].split(";")),
            notes=r["notes"],
        )
        for r in read_table("frameworks.csv")
    )


@cache
def by_id() -> dict[str, FrameworkVersion]:
    return {f.framework: f for f in framework_versions()}


def framework_on(day: date) -> FrameworkVersion | None:
    """The framework version in force on a day (None in the gaps between frameworks)."""
    for f in framework_versions():
        if f.in_force_on(day):
            return f
    return None


def in_force_during(start: date, end: date) -> list[FrameworkVersion]:
    """Versions in force at any time between two dates, oldest first."""
    return [
        f
        for f in framework_versions()
        if f.effective_from <= end and (f.effective_to is None or f.effective_to >= start)
    ]


#: The framework version a change since an earlier inspection is measured within: its
#: inspections, and those of versions comparable with it, take part (the first ILACS).
CHANGE_BASELINE = "ilacs_2018"


def comparable(
    a: FrameworkVersion, b: FrameworkVersion, area: str = "overall_effectiveness"
) -> bool:
    """Whether a judgement of `area` under one framework version may be compared with one
    under another: the one place where comparisons across frameworks are decided
    (methodology, "Coherence and comparability"). Both must give the area; versions of
    ILACS compare with each other; a framework before ILACS (SIF, CPI) compares only with
    itself, as its judgements judge other things under similar names."""
    if area not in a.judgements or area not in b.judgements:
        return False
    return a.framework == b.framework or (a.is_ilacs and b.is_ilacs)


def in_change_comparison(f: FrameworkVersion) -> bool:
    """Whether inspections under `f` take part in change since an earlier inspection (the
    release's change figures and the in-year change): comparable with CHANGE_BASELINE."""
    return comparable(f, by_id()[CHANGE_BASELINE])


def framework_mix_label(framework: str) -> str:
    """A framework version's name as the coverage note gives it."""
    return by_id()[framework].name if framework in by_id() else framework
