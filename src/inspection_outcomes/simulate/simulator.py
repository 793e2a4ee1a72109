"""A seeded simulator of LA children's services inspections (ILACS from January 2018).

Why: the real records are a few thousand rows; the engine must be shown to scale to millions
and to handle every event type and framework version. The simulator replicates the country
(K independent copies of the LAs in the reference table, with their structural changes) and
runs each LA's inspection cycle with numpy, one cycle for all LAs at a time:

- before ILACS: a SIF inspection (2014 to 2017) for every LA then existing, and for some a CPI;
- first ILACS inspection: standard; later ones standard after requires improvement or
  inadequate, short after good or outstanding, about three-yearly (sooner after inadequate);
- focused visits between inspections (not for LAs judged inadequate), with themes;
- monitoring visits, several a year, for LAs judged inadequate until re-inspected;
- LAs created by a structural change start ungraded; LAs that cease have nothing after;
- care leavers judged from January 2023; no overall effectiveness from 1 April 2026;
- publication 6 to 10 weeks after the end of the visit, some after the release's cut-off.

Every random number is a hash of (seed, LA identity, draw), so a copy's history does not depend
on how many copies were asked for, and the same seed gives the same records.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from inspection_outcomes.model.frameworks import ALL_AREAS
from inspection_outcomes.model.local_authorities import LocalAuthority, all_local_authorities
from inspection_outcomes.simulate.random import I64, U64, integers, uniform

EPOCH = date(1970, 1, 1)


def day(d: date) -> int:
    """Days since 1970-01-01 (how dates travel in the arrays)."""
    return (d - EPOCH).days


ILACS_FROM = day(date(2018, 1, 1))
CARE_LEAVERS_FROM = day(date(2023, 1, 1))
NO_OVERALL_FROM = day(date(2026, 4, 1))
FAR_PAST = day(date(1900, 1, 1))
FAR_FUTURE = day(date(2999, 12, 31))

#: Event type codes (index into EVENT_TYPES).
STANDARD, SHORT, FOCUSED, MONITORING, SIF, CPI = range(6)
EVENT_TYPES = (
    "standard_inspection",
    "short_inspection",
    "focused_visit",
    "monitoring_visit",
    "sif_inspection",
    "cpi_inspection",
)
#: Framework codes (index into FRAMEWORKS).
FRAMEWORKS = ("cpi", "sif", "ilacs_2018", "ilacs_2023", "ilacs_2026")
#: Grade codes are indexes into model.scale.JUDGEMENTS (0 outstanding ... 3 inadequate).
OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE = range(4)
UNGRADED = -1
NO_JUDGEMENT = -1

THEMES = (
    "front_door",
    "children_in_need_or_subject_to_a_plan",
    "achieving_permanence",
    "children_in_care",
    "care_leavers",
)
_THEME_WEIGHTS = np.array([0.26, 0.34, 0.08, 0.11, 0.21])

#: Overall effectiveness at the next inspection, by the earlier one (rows O, G, RI, I, ungraded).
TRANSITION = np.array(
    [
        [0.62, 0.30, 0.06, 0.02],
        [0.20, 0.53, 0.17, 0.10],
        [0.05, 0.40, 0.35, 0.20],
        [0.00, 0.45, 0.46, 0.09],
        [0.05, 0.45, 0.35, 0.15],
    ]
)
SIF_GRADES = np.array([0.03, 0.36, 0.42, 0.19])
CPI_GRADES = np.array([0.05, 0.45, 0.38, 0.12])
#: Days from the end of a graded inspection to the start of the next, by grade: (low, high).
NEXT_INSPECTION = np.array([[1050, 1450], [1000, 1400], [900, 1250], [480, 820]])
#: Days from 1 January 2018 to the first ILACS inspection, by the SIF grade: at most.
FIRST_ROUND_SPAN = np.array([1450, 1450, 1300, 600])
#: Chance of a focused visit between inspections, by grade (never while inadequate).
FOCUSED_VISIT = np.array([0.75, 0.85, 0.95, 0.0])
SECOND_FOCUSED_VISIT_RI = 0.3
FIRST_ROUND_FOCUSED_VISIT = 0.5
MONITORING_SLOTS = 14
LATE_PUBLICATION = 0.03
#: Days on site after the first (Monday) day.
DURATION = {STANDARD: 11, SHORT: 4, FOCUSED: 1, MONITORING: 1, SIF: 25, CPI: 9}
#: (chance better, chance worse) than overall for each sub-judgement.
SUB_JUDGEMENT_SPREAD = {
    "impact_of_leaders": (0.22, 0.12),
    "help_and_protection": (0.08, 0.22),
    "children_in_care": (0.15, 0.13),
}
CARE_LEAVERS_DIFFERENT = 0.45

# Random streams: one number per (stream, LA, cycle, slot) so draws never collide.
(
    S_CPI,
    S_CPI_DATE,
    S_CPI_GRADE,
    S_SIF_DATE,
    S_SIF_GRADE,
    S_SUB,
    S_FIRST,
    S_GAP,
    S_FV,
    S_FV_AT,
    S_FV2,
    S_FV2_AT,
    S_THEME,
    S_THEME2,
    S_THEME2_WHICH,
    S_MV_FIRST,
    S_MV_GAP,
    S_GRADE,
    S_CL,
    S_CL_DIR,
    S_PUB,
    S_LATE,
    S_LATE_DAYS,
    S_WEEKDAY,
) = range(24)

I8 = npt.NDArray[np.int8]
BoolA = npt.NDArray[np.bool_]


@dataclass
class Simulation:
    """Simulated events as arrays (one element per event, sorted by LA then date).

    `la` indexes the LA rows: row = (copy - 1) * len(authorities) + position in `authorities`.
    Judgements are grade codes (-1 where not given), in the order of model.frameworks.ALL_AREAS.
    """

    seed: int
    end: date
    copies: int
    authorities: tuple[LocalAuthority, ...]
    la: I64
    event_type: I8
    framework: I8
    start: I64
    end_day: I64
    publication: I64
    judgements: dict[str, I8]
    theme_mask: I8
    seq: I64

    def __len__(self) -> int:
        return int(self.la.size)

    @property
    def copy(self) -> I64:
        return self.la // len(self.authorities) + 1


def monday(days: I64) -> I64:
    """The Monday on or before each day (1 January 1970 was a Thursday)."""
    return days - (days + 3) % 7


def weekday(days: I64) -> I64:
    """The working day on or before each day (a Saturday or Sunday becomes the Friday)."""
    wd = (days + 3) % 7
    return days - np.where(wd >= 5, wd - 4, 0)


def _choose(u: npt.NDArray[np.float64], probs: npt.NDArray[np.float64]) -> I64:
    """Index drawn from each row of `probs` (or one shared vector) by the uniforms `u`."""
    cum = np.cumsum(probs, axis=-1)
    if cum.ndim == 1:
        return np.searchsorted(cum[:-1], u, side="right").astype(np.int64)
    return (u[:, None] >= cum[:, :-1]).sum(axis=1).astype(np.int64)


def _release_cutoff(end_days: I64) -> I64:
    """30 June after the 31 March on or after each day: the cut-off of the release covering it."""
    if end_days.size == 0:
        return end_days
    first, last = int(end_days.min()), int(end_days.max())
    table = np.empty(last - first + 1, dtype=np.int64)
    for i in range(table.size):
        d = EPOCH + timedelta(days=first + i)
        year = d.year + (d.month > 3)
        table[i] = day(date(year, 6, 30))
    return table[end_days - first]


class _Collector:
    """Events gathered cycle by cycle (compact types), concatenated once at the end."""

    def __init__(self) -> None:
        self.parts: dict[str, list[npt.NDArray[np.generic]]] = {
            k: [] for k in ("la", "type", "start", "end", "theme", *ALL_AREAS)
        }

    def add(
        self,
        mask: BoolA,
        la: I64,
        event_type: int | I64,
        start: I64,
        end: I64,
        judgements: dict[str, I64] | None = None,
        theme: I64 | None = None,
    ) -> None:
        n = int(mask.sum())
        if n == 0:
            return
        self.parts["la"].append(la[mask].astype(np.int32))
        t = np.broadcast_to(np.asarray(event_type, dtype=np.int8), mask.shape)
        self.parts["type"].append(t[mask].astype(np.int8))
        self.parts["start"].append(start[mask].astype(np.int32))
        self.parts["end"].append(end[mask].astype(np.int32))
        self.parts["theme"].append(
            theme[mask].astype(np.int8) if theme is not None else np.zeros(n, np.int8)
        )
        for area in ALL_AREAS:
            g = (judgements or {}).get(area)
            self.parts[area].append(
                g[mask].astype(np.int8) if g is not None else np.full(n, -1, np.int8)
            )

    def arrays(self) -> dict[str, npt.NDArray[np.generic]]:
        return {k: np.concatenate(v) if v else np.zeros(0, np.int32) for k, v in self.parts.items()}


class _Draw:
    """Random draws for the LA rows of one simulation."""

    def __init__(self, seed: int, ident: U64) -> None:
        self.seed = seed
        self.ident = ident

    def u(self, stream: int, *keys: int) -> npt.NDArray[np.float64]:
        return uniform(self.seed, stream, self.ident, *keys)

    def ints(self, stream: int, low: int, high: int, *keys: int) -> I64:
        return integers(self.seed, stream, self.ident, low, high, *keys)

    def subset(self, index: I64) -> _Draw:
        """Draws for some of the rows: the same numbers, as they depend on identity only."""
        return _Draw(self.seed, self.ident[index])


def _sub_judgements(
    draw: _Draw, cycle: int, overall: I64, areas: tuple[str, ...]
) -> dict[str, I64]:
    """Sub-judgements consistent with overall: none inadequate unless overall is, then one is;
    at least one equal to overall; care leavers (ILACS from 2023) near children in care."""
    out: dict[str, I64] = {}
    for i, area in enumerate(areas):
        better, worse = SUB_JUDGEMENT_SPREAD.get(area, (0.15, 0.15))
        u = draw.u(S_SUB, cycle, i)
        delta = np.where(u < better, -1, np.where(u >= 1.0 - worse, 1, 0))
        g = np.clip(overall + delta, OUTSTANDING, INADEQUATE)
        out[area] = np.where(overall < INADEQUATE, np.minimum(g, REQUIRES_IMPROVEMENT), g)
    none_inadequate = np.logical_and.reduce([out[a] < INADEQUATE for a in areas])
    key = "help_and_protection"
    out[key] = np.where((overall == INADEQUATE) & none_inadequate, INADEQUATE, out[key])
    none_equal = np.logical_and.reduce([out[a] != overall for a in areas])
    first = areas[0] if "impact_of_leaders" not in areas else "impact_of_leaders"
    out[first] = np.where(none_equal, overall, out[first])
    return out


def _ilacs_judgements(draw: _Draw, cycle: int, overall: I64, start: I64) -> dict[str, I64]:
    areas = ("impact_of_leaders", "help_and_protection", "children_in_care")
    out = _sub_judgements(draw, cycle, overall, areas)
    cic = out["children_in_care"]
    different = draw.u(S_CL, cycle) < CARE_LEAVERS_DIFFERENT
    direction = np.where(draw.u(S_CL_DIR, cycle) < 0.5, -1, 1)
    cl = np.clip(cic + np.where(different, direction, 0), OUTSTANDING, INADEQUATE)
    cl = np.where((overall < INADEQUATE) & (cl == INADEQUATE), cic, cl)
    out["care_leavers"] = np.where(start >= CARE_LEAVERS_FROM, cl, NO_JUDGEMENT)
    no_overall = start >= NO_OVERALL_FROM
    # Without an overall judgement, leadership carries the LA's standing (it drives what next).
    out["impact_of_leaders"] = np.where(no_overall, overall, out["impact_of_leaders"])
    out["overall_effectiveness"] = np.where(no_overall, NO_JUDGEMENT, overall)
    return out


def _before_ilacs(draw: _Draw, rows: I64, pre2018: BoolA, ev: _Collector) -> tuple[I64, I64]:
    """CPI (some) and SIF (all) inspections of the LAs existing before 2018.

    Returns the SIF grade and the SIF end day of each row (ungraded / far past where none)."""
    cpi = pre2018 & (draw.u(S_CPI) < 0.3)
    cpi_start = monday(day(date(2012, 6, 4)) + draw.ints(S_CPI_DATE, 0, 400))
    cpi_grade = _choose(draw.u(S_CPI_GRADE), CPI_GRADES)
    ev.add(
        cpi, rows, CPI, cpi_start, cpi_start + DURATION[CPI], {"overall_effectiveness": cpi_grade}
    )

    sif_start = monday(day(date(2014, 1, 6)) + draw.ints(S_SIF_DATE, 0, 1390))
    sif_end = sif_start + DURATION[SIF]
    sif_grade = _choose(draw.u(S_SIF_GRADE), SIF_GRADES)
    areas = (
        "leadership_management_governance",
        "help_and_protection",
        "children_in_care",
        "adoption_performance",
        "care_leavers",
    )
    subs = _sub_judgements(draw, 999, sif_grade, areas)
    ev.add(pre2018, rows, SIF, sif_start, sif_end, {"overall_effectiveness": sif_grade, **subs})
    return np.where(pre2018, sif_grade, UNGRADED), np.where(pre2018, sif_end, FAR_PAST)


def _focused_visits(
    draw: _Draw,
    cycle: int,
    rows: I64,
    grade: I64,
    begin: I64,
    until: I64,
    limit: I64,
    ev: _Collector,
) -> None:
    """One focused visit between inspections (sometimes two for requires improvement)."""
    graded = grade >= 0
    chance = np.where(graded, FOCUSED_VISIT[np.clip(grade, 0, 3)], 0.0)
    if cycle == 0:  # awaiting the first ILACS inspection: fewer focused visits
        chance = chance * FIRST_ROUND_FOCUSED_VISIT
    second = np.where(grade == REQUIRES_IMPROVEMENT, SECOND_FOCUSED_VISIT_RI, 0.0)
    for slot, (stream, at, lo, hi, p) in enumerate(
        ((S_FV, S_FV_AT, 0.35, 0.70, chance), (S_FV2, S_FV2_AT, 0.78, 0.88, second))
    ):
        take = np.flatnonzero((until - begin > 400) & (draw.u(stream, cycle) < p))
        if take.size == 0:
            continue
        d = draw.subset(take)
        window = until[take] - begin[take]
        start = monday(begin[take] + ((lo + (hi - lo) * d.u(at, cycle)) * window).astype(np.int64))
        start = start + d.ints(S_WEEKDAY, 0, 2, cycle, 10 + slot)
        end = start + DURATION[FOCUSED]
        first = _choose(d.u(S_THEME, cycle, slot), _THEME_WEIGHTS)
        other = (first + 1 + d.ints(S_THEME2_WHICH, 0, 3, cycle, slot)) % len(THEMES)
        two = d.u(S_THEME2, cycle, slot) < 0.12
        mask = (1 << first) | np.where(two, 1 << other, 0)
        ev.add(end <= limit[take], rows[take], FOCUSED, start, end, theme=mask)


def _monitoring_visits(
    draw: _Draw,
    cycle: int,
    rows: I64,
    grade: I64,
    since: I64,
    until: I64,
    limit: I64,
    ev: _Collector,
) -> None:
    """Monitoring visits every 3 to 5 months while an LA is judged inadequate."""
    sel = np.flatnonzero(grade == INADEQUATE)
    if sel.size == 0:
        return
    d = draw.subset(sel)
    rows, until, limit = rows[sel], until[sel], limit[sel]
    at = since[sel] + d.ints(S_MV_FIRST, 100, 200, cycle)
    at = np.where(at < ILACS_FROM, ILACS_FROM + 7 + d.ints(S_MV_FIRST, 0, 110, cycle, 1), at)
    for slot in range(MONITORING_SLOTS):
        if slot:
            at = at + d.ints(S_MV_GAP, 80, 150, cycle, slot)
        start = monday(at) + d.ints(S_WEEKDAY, 0, 2, cycle, 20 + slot)
        end = start + DURATION[MONITORING]
        keep = (start < until - 45) & (end <= limit)
        if not keep.any():
            break
        ev.add(keep, rows, MONITORING, start, end)


def simulate_copies(seed: int, copies: int, end: date) -> Simulation:
    """Simulate `copies` independent copies of the country up to `end` (visits ending by then)."""
    authorities = all_local_authorities()
    n_la = len(authorities)
    copy = np.repeat(np.arange(1, copies + 1, dtype=np.int64), n_la)
    position = np.tile(np.arange(n_la, dtype=np.int64), copies)
    rows = np.arange(copies * n_la, dtype=np.int64)
    ident = (copy.astype(np.uint64) << np.uint64(16)) | position.astype(np.uint64)
    draw = _Draw(seed, ident)
    valid_from = np.tile(
        np.array([day(a.valid_from) if a.valid_from else FAR_PAST for a in authorities]), copies
    )
    valid_to = np.tile(
        np.array([day(a.valid_to) if a.valid_to else FAR_FUTURE for a in authorities]), copies
    )
    limit = np.minimum(valid_to, day(end))
    pre2018 = valid_from <= ILACS_FROM

    ev = _Collector()
    grade, since = _before_ilacs(draw, rows, pre2018, ev)
    # The state of the LAs still being inspected; the arrays shrink as LAs drop out.
    live = np.flatnonzero(valid_from <= limit)
    draw = draw.subset(live)
    rows, grade, since, limit = rows[live], grade[live], since[live], limit[live]
    first_round = (
        ILACS_FROM
        + 7
        + (draw.u(S_FIRST, 0) * FIRST_ROUND_SPAN[np.clip(grade, 0, 3)]).astype(np.int64)
    )
    newcomer = valid_from[live] + draw.ints(S_FIRST, 480, 1000, 0, 1)
    nxt = monday(np.where(pre2018[live], first_round, newcomer))
    ilacs_count = np.zeros_like(rows)
    cycle = 0
    while rows.size:
        if cycle:
            low = NEXT_INSPECTION[grade, 0]
            high = NEXT_INSPECTION[grade, 1]
            nxt = monday(since + low + (draw.u(S_GAP, cycle) * (high - low)).astype(np.int64))
        begin = np.maximum(since, ILACS_FROM)
        _focused_visits(draw, cycle, rows, grade, begin, nxt, limit, ev)
        _monitoring_visits(draw, cycle, rows, grade, since, nxt, limit, ev)

        kind = np.where((ilacs_count == 0) | (grade >= REQUIRES_IMPROVEMENT), STANDARD, SHORT)
        finish = nxt + np.where(kind == STANDARD, DURATION[STANDARD], DURATION[SHORT])
        done = finish <= limit
        keep = np.flatnonzero(done)
        draw = draw.subset(keep)
        rows, limit, nxt, finish = rows[keep], limit[keep], nxt[keep], finish[keep]
        previous = grade[keep]
        overall = _choose(draw.u(S_GRADE, cycle), TRANSITION[np.where(previous < 0, 4, previous)])
        ev.add(
            np.ones(keep.size, bool),
            rows,
            kind[keep],
            nxt,
            finish,
            _ilacs_judgements(draw, cycle, overall, nxt),
        )
        grade, since, ilacs_count = overall, finish, ilacs_count[keep] + 1
        cycle += 1
    return _assemble(seed, end, copies, authorities, ev.arrays())


def _assemble(
    seed: int,
    end: date,
    copies: int,
    authorities: tuple[LocalAuthority, ...],
    a: dict[str, npt.NDArray[np.generic]],
) -> Simulation:
    """Sort (LA, start, type), add publication dates, frameworks and per-LA sequence numbers."""
    la64 = a["la"].astype(np.int64)
    key = (
        (la64 << 24) | ((a["start"].astype(np.int64) - FAR_PAST) << 3) | a["type"].astype(np.int64)
    )
    order = np.argsort(key, kind="stable")
    key = key[order]
    la = la64[order]
    etype = a["type"][order]
    start = a["start"][order].astype(np.int64)
    finish = a["end"][order].astype(np.int64)
    ident = key.astype(np.uint64)
    pub = weekday(finish + integers(seed, S_PUB, ident, 42, 70))
    late = np.flatnonzero(uniform(seed, S_LATE, ident) < LATE_PUBLICATION)
    late_pub = _release_cutoff(finish[late]) + integers(seed, S_LATE_DAYS, ident[late], 7, 120)
    pub[late] = np.maximum(weekday(late_pub), pub[late])
    framework = np.select(
        [etype == CPI, etype == SIF, start < CARE_LEAVERS_FROM, start < NO_OVERALL_FROM],
        [0, 1, 2, 3],
        4,
    )
    first_of_la = np.r_[True, la[1:] != la[:-1]] if la.size else np.zeros(0, bool)
    starts = np.flatnonzero(first_of_la)
    seq = np.arange(la.size) - np.repeat(starts, np.diff(np.r_[starts, la.size])) + 1
    return Simulation(
        seed=seed,
        end=end,
        copies=copies,
        authorities=authorities,
        la=la,
        event_type=etype.astype(np.int8),
        framework=framework.astype(np.int8),
        start=start,
        end_day=finish,
        publication=pub,
        judgements={k: a[k][order].astype(np.int8) for k in ALL_AREAS},
        theme_mask=a["theme"][order].astype(np.int8),
        seq=seq.astype(np.int64),
    )


def _take_copies(sim: Simulation, copies: int) -> Simulation:
    """The first `copies` copies of a simulation (events are sorted copy by copy)."""
    n = int(np.searchsorted(sim.la, copies * len(sim.authorities)))
    return Simulation(
        seed=sim.seed,
        end=sim.end,
        copies=copies,
        authorities=sim.authorities,
        la=sim.la[:n],
        event_type=sim.event_type[:n],
        framework=sim.framework[:n],
        start=sim.start[:n],
        end_day=sim.end_day[:n],
        publication=sim.publication[:n],
        judgements={k: v[:n] for k, v in sim.judgements.items()},
        theme_mask=sim.theme_mask[:n],
        seq=sim.seq[:n],
    )


def simulate(seed: int, events: int | None = None, end: date = date(2026, 3, 31)) -> Simulation:
    """Simulate the country (one copy) or, with `events`, enough copies for about that many.

    Whole copies are kept while the total stays at or below `events` (at least one copy), so
    the count is within one country's worth of events of the number asked.
    """
    if events is None:
        return simulate_copies(seed, 1, end)
    pilot_copies = 16
    pilot = simulate_copies(seed, pilot_copies, end)
    per_copy = max(1.0, len(pilot) / pilot_copies)
    wanted = max(1, math.ceil(events / per_copy * 1.05) + 1)
    sim = pilot if wanted <= pilot_copies else simulate_copies(seed, wanted, end)
    per = np.bincount(sim.copy - 1, minlength=sim.copies)
    keep = max(1, int(np.searchsorted(np.cumsum(per), events, side="right")))
    return _take_copies(sim, min(keep, sim.copies))
