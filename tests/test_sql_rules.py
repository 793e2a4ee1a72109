"""Each rule model on its own: a few given rows, the rows it must return (the runner is in
tests/sql_rules_support.py). The expectations follow from the methodology (Ofsted's
methodology report: the as-at date and its 3-month publication cut-off, most recent
inspection outcomes, structural changes, the in-year period from 1 April to 31 March) and the
rules as each model's header states them."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_outcomes.store.layers import model_files
from tests.engine_helpers import event, write_canonical
from tests.sql_models_support import WAREHOUSES, model_name
from tests.sql_rules_support import (
    GRADED_COLUMNS,
    RuleCase,
    graded,
    kind,
    recency,
    rows,
    run_rule_case,
)

RI = "requires_improvement"
ALL_GOOD = {
    "overall_effectiveness": "good",
    "impact_of_leaders": "good",
    "help_and_protection": "good",
    "children_in_care": "good",
}
AS_AT_2024 = "DATE '2024-03-31', DATE '2024-06-30'"  # the 2024 release: as at, cut-off
LAS = rows(
    "la_id la_code name region old_la_code valid_from valid_to",
    (1, "E09000001", "Alpha", "London", "201", None, None),
    (2, "E09000002", "Beta", "North West", "202", None, "2023-03-31"),
    (3, "E09000003", "Gamma", "London", "203", "2023-04-01", None),
)


INCLUDED = [
    RuleCase(
        "inspections/rules/01_included_events",
        "took place by the as-at date and published by the cut-off, both days counting",
        {
            "inspection_events": rows(
                "event_id took_place publication_date",
                ("on both days", "2024-03-31", "2024-06-30"),
                ("after the as-at date", "2024-04-01", "2024-05-01"),
                ("published after the cut-off", "2024-02-05", "2024-07-01"),
                ("long before", "2019-05-13", "2019-07-01"),
            )
        },
        f"SELECT event_id FROM included_events({AS_AT_2024})",
        rows("event_id", ("on both days",), ("long before",)),
    ),
]

MOST_RECENT = [
    RuleCase(
        "inspections/rules/02_la_as_at",
        "each area's judgement from the most recent included inspection; an LA that no longer "
        "exists drops out, one with no inspection stays ungraded",
        {
            "local_authorities": LAS,
            "graded_inspections": rows(
                GRADED_COLUMNS,
                graded(
                    1,
                    10,
                    "ilacs_2018",
                    "standard_inspection",
                    "2019-05-13",
                    "2019-07-01",
                    overall_effectiveness=RI,
                    impact_of_leaders=RI,
                    help_and_protection=RI,
                    children_in_care=RI,
                ),
                graded(
                    1,
                    11,
                    "ilacs_2023",
                    "short_inspection",
                    "2023-06-05",
                    "2023-08-01",
                    **ALL_GOOD,
                    care_leavers="outstanding",
                ),
                # took place by the as-at date, published after the cut-off: the next release's
                graded(
                    1,
                    12,
                    "ilacs_2023",
                    "standard_inspection",
                    "2024-03-11",
                    "2024-07-15",
                    overall_effectiveness="inadequate",
                ),
                graded(
                    2,
                    13,
                    "ilacs_2018",
                    "standard_inspection",
                    "2022-01-10",
                    "2022-03-01",
                    **ALL_GOOD,
                ),
            ),
        },
        "SELECT la_id, recency_judgement(overall_recency, 1) AS overall, "
        "recency_judgement(ilacs_recency, 2) AS leaders, "
        "recency_judgement(care_leavers_recency, 5) AS care_leavers, "
        "ilacs_overall_inspections AS n, "
        "recency_judgement(first_ilacs_overall_recency, 1) AS first, "
        "recency_judgement(previous_ilacs_overall_recency, 1) AS previous "
        f"FROM la_as_at({AS_AT_2024})",
        rows(
            "la_id overall leaders care_leavers n first previous",
            (1, "good", "good", "outstanding", 2, RI, RI),
            (3, None, None, None, 0, None, None),
        ),
    ),
    RuleCase(
        "inspections/rules/02_la_as_at",
        "overall effectiveness from the last inspection giving it (none from April 2026), the "
        "ILACS areas from ILACS inspections alone (not SIF's)",
        {
            "local_authorities": rows("la_id region", (1, "London"), (2, "London")),
            "graded_inspections": rows(
                GRADED_COLUMNS,
                graded(
                    1,
                    20,
                    "sif",
                    "sif_inspection",
                    "2016-01-11",
                    "2016-03-01",
                    overall_effectiveness="inadequate",
                    help_and_protection="inadequate",
                ),
                graded(
                    1,
                    21,
                    "ilacs_2023",
                    "standard_inspection",
                    "2025-02-03",
                    "2025-04-01",
                    **ALL_GOOD,
                    care_leavers="good",
                ),
                graded(
                    1,
                    22,
                    "ilacs_2026",
                    "standard_inspection",
                    "2026-05-04",
                    "2026-07-01",
                    impact_of_leaders="outstanding",
                    help_and_protection="outstanding",
                    children_in_care="outstanding",
                    care_leavers=RI,
                ),
                graded(
                    2,
                    23,
                    "sif",
                    "sif_inspection",
                    "2016-02-08",
                    "2016-04-01",
                    overall_effectiveness=RI,
                    help_and_protection=RI,
                ),
            ),
        },
        "SELECT la_id, recency_judgement(overall_recency, 1) AS overall, "
        "recency_judgement(ilacs_recency, 3) AS help, "
        "recency_judgement(care_leavers_recency, 5) AS care_leavers, "
        "ilacs_overall_inspections AS n, "
        "recency_judgement(previous_ilacs_overall_recency, 1) AS previous "
        "FROM la_as_at(DATE '2026-08-31', DATE '2026-11-30')",
        rows(
            "la_id overall help care_leavers n previous",
            (1, "good", "outstanding", RI, 1, None),
            (2, RI, None, None, 0, None),
        ),
    ),
    RuleCase(
        "inspections/rules/02_la_as_at",
        "a judgement the source does not hold at the most recent inspection is never replaced "
        "by an older one",
        {
            "local_authorities": rows("la_id region", (1, "London")),
            "graded_inspections": rows(
                GRADED_COLUMNS,
                graded(
                    1,
                    30,
                    "ilacs_2018",
                    "standard_inspection",
                    "2019-05-13",
                    "2019-07-01",
                    **ALL_GOOD,
                ),
                graded(
                    1,
                    31,
                    "ilacs_2023",
                    "standard_inspection",
                    "2023-06-05",
                    "2023-08-01",
                    impact_of_leaders=RI,
                    help_and_protection=RI,
                    children_in_care=RI,
                ),
            ),
        },
        "SELECT recency_code(overall_recency, 1) AS overall_code, "
        "recency_judgement(overall_recency, 1) AS overall, "
        "recency_judgement(ilacs_recency, 2) AS leaders "
        f"FROM la_as_at({AS_AT_2024})",
        rows("overall_code overall leaders", (0, None, RI)),
    ),
    RuleCase(
        "inspections/rules/02_la_as_at",
        "the two 31 Marches before the release, each with its own cut-off and its own LAs",
        {
            "local_authorities": LAS,
            "graded_inspections": rows(
                GRADED_COLUMNS,
                graded(
                    1,
                    40,
                    "ilacs_2018",
                    "standard_inspection",
                    "2021-06-07",
                    "2021-08-02",
                    **(ALL_GOOD | {"overall_effectiveness": RI}),
                ),
                # took place before 31 March 2023, published after that date's cut-off
                graded(
                    1,
                    41,
                    "ilacs_2023",
                    "standard_inspection",
                    "2023-02-06",
                    "2023-07-10",
                    **ALL_GOOD,
                ),
                graded(
                    1,
                    42,
                    "ilacs_2023",
                    "short_inspection",
                    "2024-01-08",
                    "2024-03-01",
                    **(ALL_GOOD | {"overall_effectiveness": "outstanding"}),
                ),
            ),
        },
        "SELECT la_id, exists_at, existed_year_before, existed_two_years_before, "
        "recency_judgement(overall_recency, 1) AS at_date, "
        "recency_judgement(overall_recency_year_before, 1) AS year_before, "
        "recency_judgement(overall_recency_two_years_before, 1) AS two_years_before "
        f"FROM la_as_at_release({AS_AT_2024}, DATE '2023-03-31', DATE '2023-06-30', "
        "DATE '2022-03-31', DATE '2022-06-30')",
        rows(
            "la_id exists_at existed_year_before existed_two_years_before at_date year_before "
            "two_years_before",
            (1, True, True, True, "outstanding", RI, RI),
            (2, False, True, True, None, None, None),
            (3, True, False, False, None, None, None),
        ),
    ),
]

GOOD_KEY = recency("2023-06-05", "2023-08-01", overall_effectiveness="good")
INADEQUATE_KEY = recency("2019-05-13", "2019-07-01", overall_effectiveness="inadequate")
RI_KEY = recency("2021-05-10", "2021-07-01", overall_effectiveness=RI)

CHANGE = [
    RuleCase(
        "inspections/rules/03_change_since_earlier",
        "improved, declined or retained, by how many grades (codes: 1 outstanding ... 4 "
        "inadequate, 0 not held)",
        {},
        "SELECT earlier, latest, change_between(earlier, latest) AS change, "
        "grades_improved(earlier, latest) AS grades FROM (VALUES (3, 2), (2, 3), (2, 2), "
        "(4, 2), (1, 4), (0, 2), (2, 0)) AS t(earlier, latest)",
        rows(
            "earlier latest change grades",
            (3, 2, "improved", 1),
            (2, 3, "declined", -1),
            (2, 2, "retained", 0),
            (4, 2, "improved", 2),
            (1, 4, "declined", -3),
            (0, 2, None, None),
            (2, 0, None, None),
        ),
    ),
    RuleCase(
        "inspections/rules/03_change_since_earlier",
        "the latest against the first or the previous, for LAs with more than one inspection",
        {},
        "SELECT compare, change_latest_code(n, latest) AS latest, "
        "change_earlier_code(n, first, previous, compare) AS earlier "
        "FROM (VALUES (1, ?, ?, NULL, 'first'), (3, ?, ?, ?, 'first'), (3, ?, ?, ?, 'previous'),"
        " (2, ?, ?, ?, NULL)) AS t(n, latest, first, previous, compare)",
        rows(
            "compare latest earlier",
            ("first", None, None),
            ("first", 2, 4),
            ("previous", 2, 3),
            (None, 2, None),
        ),
        # (n, latest, first, previous, compare) of four LAs: keys of a good, an inadequate
        # and a requires improvement overall effectiveness judgement
        params=(
            GOOD_KEY,
            GOOD_KEY,
            GOOD_KEY,
            INADEQUATE_KEY,
            RI_KEY,
            GOOD_KEY,
            INADEQUATE_KEY,
            RI_KEY,
            GOOD_KEY,
            INADEQUATE_KEY,
            INADEQUATE_KEY,
        ),
    ),
]

PERIOD_2018 = "DATE '2018-04-01', DATE '2019-03-31', DATE '2019-06-30'"  # start, end, cut-off

IN_YEAR = [
    RuleCase(
        "inspections/rules/04_in_year_events",
        "ILACS events that took place in the period and were published by the cut-off, with "
        "their LA",
        {
            "local_authorities": LAS,
            "inspection_events": rows(
                "event_id la_code framework event_type took_place publication_date",
                (
                    "first day",
                    "E09000001",
                    "ilacs_2018",
                    "focused_visit",
                    "2018-04-01",
                    "2018-05-10",
                ),
                (
                    "last day, published on the cut-off",
                    "E09000002",
                    "ilacs_2018",
                    "standard_inspection",
                    "2019-03-31",
                    "2019-06-30",
                ),
                (
                    "before the period",
                    "E09000001",
                    "ilacs_2018",
                    "monitoring_visit",
                    "2018-03-29",
                    "2018-04-20",
                ),
                (
                    "published after the cut-off",
                    "E09000001",
                    "ilacs_2018",
                    "short_inspection",
                    "2019-02-04",
                    "2019-07-01",
                ),
                (
                    "a SIF re-inspection",
                    "E09000003",
                    "sif",
                    "sif_inspection",
                    "2018-05-14",
                    "2018-07-02",
                ),
                (
                    "an LA the table does not know",
                    "E99999999",
                    "ilacs_2018",
                    "focused_visit",
                    "2018-09-03",
                    "2018-10-01",
                ),
            ),
        },
        f"SELECT event_id, la_name, region, old_la_code FROM in_year_events({PERIOD_2018})",
        rows(
            "event_id la_name region old_la_code",
            ("first day", "Alpha", "London", "201"),
            ("last day, published on the cut-off", "Beta", "North West", "202"),
            ("an LA the table does not know", None, None, None),
        ),
    ),
    RuleCase(
        "inspections/rules/05_in_year_facts",
        "the same rule over the event facts, each event with its type",
        {
            "event_facts": rows(
                "la_id event_row kind took_place publication_date",
                (1, 1, kind("ilacs_2018", "focused_visit"), "2018-04-01", "2018-05-10"),
                (2, 2, kind("ilacs_2018", "standard_inspection"), "2019-03-31", "2019-06-30"),
                (1, 3, kind("ilacs_2018", "monitoring_visit"), "2018-03-29", "2018-04-20"),
                (1, 4, kind("ilacs_2018", "short_inspection"), "2019-02-04", "2019-07-01"),
                (3, 5, kind("sif", "sif_inspection"), "2018-05-14", "2018-07-02"),
                (3, 6, None, "2018-06-04", "2018-07-02"),
            )
        },  # no type: in no figure
        f"SELECT event_row, event_type FROM in_year_facts({PERIOD_2018})",
        rows("event_row event_type", (1, "focused_visit"), (2, "standard_inspection")),
    ),
    RuleCase(
        "inspections/rules/05_in_year_facts",
        "the period's snapshot is empty until the warehouse makes it",
        {
            "event_facts": rows(
                "la_id event_row kind took_place publication_date",
                (1, 1, kind("ilacs_2018", "focused_visit"), "1900-01-01", "1900-01-01"),
            )
        },
        "SELECT count(*) AS n FROM in_year_snapshot",
        rows("n", (0,)),
    ),
    RuleCase(
        "inspections/rules/06_in_year_graded",
        "each graded inspection of the period against the LA's previous ILACS inspection "
        "giving overall effectiveness",
        {
            "graded_inspections": rows(
                GRADED_COLUMNS,
                graded(
                    1,
                    1,
                    "ilacs_2018",
                    "standard_inspection",
                    "2020-11-02",
                    "2020-12-14",
                    overall_effectiveness=RI,
                ),
                graded(
                    1,
                    2,
                    "ilacs_2023",
                    "standard_inspection",
                    "2023-10-02",
                    "2023-11-20",
                    overall_effectiveness="good",
                ),
                graded(
                    2,
                    3,
                    "ilacs_2023",
                    "short_inspection",
                    "2023-05-08",
                    "2023-06-19",
                    overall_effectiveness="good",
                ),
                # a SIF inspection is not an earlier ILACS one
                graded(
                    3,
                    4,
                    "sif",
                    "sif_inspection",
                    "2016-02-01",
                    "2016-03-14",
                    overall_effectiveness="inadequate",
                ),
                graded(
                    3,
                    5,
                    "ilacs_2023",
                    "standard_inspection",
                    "2023-06-12",
                    "2023-07-24",
                    overall_effectiveness=RI,
                ),
                # published after the cut-off: not in this period's figures
                graded(
                    4,
                    6,
                    "ilacs_2018",
                    "standard_inspection",
                    "2019-01-14",
                    "2019-02-25",
                    overall_effectiveness="good",
                ),
                graded(
                    4,
                    7,
                    "ilacs_2023",
                    "short_inspection",
                    "2024-03-04",
                    "2024-07-01",
                    overall_effectiveness="good",
                ),
                # two in the period: the second is compared with the first
                graded(
                    5,
                    8,
                    "ilacs_2023",
                    "standard_inspection",
                    "2023-04-17",
                    "2023-05-30",
                    overall_effectiveness="inadequate",
                ),
                graded(
                    5,
                    9,
                    "ilacs_2023",
                    "standard_inspection",
                    "2024-02-19",
                    "2024-04-02",
                    overall_effectiveness=RI,
                ),
                # a judgement the source does not hold: compared, with no change
                graded(
                    7,
                    10,
                    "ilacs_2018",
                    "standard_inspection",
                    "2021-03-01",
                    "2021-04-12",
                    overall_effectiveness="good",
                ),
                graded(
                    7,
                    11,
                    "ilacs_2023",
                    "standard_inspection",
                    "2023-11-06",
                    "2023-12-18",
                    impact_of_leaders="good",
                ),
            )
        },
        "SELECT la_id, event_row, judgement, previous_judgement, previous_event_row, change "
        "FROM in_year_graded(DATE '2023-04-01', DATE '2024-03-31', DATE '2024-06-30')",
        rows(
            "la_id event_row judgement previous_judgement previous_event_row change",
            (1, 2, "good", RI, 1, "improved"),
            (2, 3, "good", None, None, None),
            (3, 5, RI, None, None, None),
            (5, 8, "inadequate", None, None, None),
            (5, 9, RI, "inadequate", 8, "improved"),
            (7, 11, None, "good", 10, None),
        ),
    ),
    RuleCase(
        "inspections/rules/07_in_year_focused_visits",
        "each focused visit with the LA's overall effectiveness at its last graded inspection "
        "before the visit's day, published by the cut-off",
        {
            "in_year_snapshot": rows(
                "la_id event_row event_type took_place",
                (1, 100, "focused_visit", "2023-09-12"),
                (2, 101, "focused_visit", "2023-06-05"),
                (3, 102, "focused_visit", "2023-07-03"),
                (4, 103, "focused_visit", "2023-10-09"),
                (5, 104, "focused_visit", "2023-11-13"),
                (6, 105, "monitoring_visit", "2023-11-13"),
            ),
            "graded_inspections": rows(
                GRADED_COLUMNS,
                graded(
                    1,
                    1,
                    "ilacs_2018",
                    "standard_inspection",
                    "2021-05-10",
                    "2021-06-21",
                    overall_effectiveness=RI,
                ),
                graded(
                    2,
                    2,
                    "ilacs_2018",
                    "standard_inspection",
                    "2022-01-10",
                    "2022-02-21",
                    overall_effectiveness="good",
                ),
                # on the visit's day: not before it
                graded(
                    2,
                    3,
                    "ilacs_2023",
                    "short_inspection",
                    "2023-06-05",
                    "2023-07-17",
                    overall_effectiveness=RI,
                ),
                # a SIF inspection is a graded inspection giving overall effectiveness
                graded(
                    3,
                    4,
                    "sif",
                    "sif_inspection",
                    "2016-03-07",
                    "2016-04-18",
                    overall_effectiveness="inadequate",
                ),
                graded(
                    5,
                    5,
                    "ilacs_2018",
                    "standard_inspection",
                    "2019-02-04",
                    "2019-03-18",
                    overall_effectiveness="good",
                ),
                # before the visit, but published after the cut-off
                graded(
                    5,
                    6,
                    "ilacs_2023",
                    "standard_inspection",
                    "2023-10-02",
                    "2024-07-08",
                    overall_effectiveness=RI,
                ),
            ),
        },
        "SELECT la_id, event_row, last_graded_judgement "
        "FROM in_year_focused_visits(DATE '2024-06-30')",
        rows(
            "la_id event_row last_graded_judgement",
            (1, 100, RI),
            (2, 101, "good"),
            (3, 102, "inadequate"),
            (4, 103, None),
            (5, 104, "good"),
        ),
    ),
]

GROUPS = rows(
    "provision_type grp scale",
    ("childrens_home", "childrens_homes", "four_point"),
    ("childrens_home", "all_providers", "four_point"),
    ("supported_accommodation", "supported_accommodation", "supported_accommodation"),
    ("supported_accommodation", "all_providers", "four_point"),
)
SECTORS = "urn sector la_trust"

PROVIDERS = [
    RuleCase(
        "providers/rules/01_analysis_sector",
        "with the rule on, a voluntary provider whose owner runs children's services for an LA "
        "counts as local_authority; no other sector moves",
        {
            "settings": rows("trusts_as_la", (True,)),
            "providers": rows(
                SECTORS,
                ("1", "voluntary", True),
                ("2", "voluntary", False),
                ("3", "private", True),
                ("4", "local_authority", False),
                ("5", None, None),
            ),
        },
        "SELECT urn, analysis_sector FROM providers_analysed",
        rows(
            "urn analysis_sector",
            ("1", "local_authority"),
            ("2", "voluntary"),
            ("3", "private"),
            ("4", "local_authority"),
            ("5", None),
        ),
    ),
    RuleCase(
        "providers/rules/01_analysis_sector",
        "with the rule off, the recorded sector stands",
        {
            "settings": rows("trusts_as_la", (False,)),
            "providers": rows(SECTORS, ("1", "voluntary", True)),
        },
        "SELECT urn, analysis_sector FROM providers_analysed",
        rows("urn analysis_sector", ("1", "voluntary")),
    ),
    RuleCase(
        "providers/rules/01_analysis_sector",
        "the register and the period's events follow the same rule",
        {
            "settings": rows("trusts_as_la", (True,)),
            "register": rows(SECTORS, ("1", "voluntary", True), ("2", "voluntary", False)),
            "provider_events": rows(SECTORS, ("1", "voluntary", True), ("3", "private", True)),
        },
        "SELECT 'register' AS t, urn, analysis_sector FROM register_analysed UNION ALL "
        "SELECT 'events', urn, analysis_sector FROM events_analysed",
        rows(
            "t urn analysis_sector",
            ("register", "1", "local_authority"),
            ("register", "2", "voluntary"),
            ("events", "1", "local_authority"),
            ("events", "3", "private"),
        ),
    ),
    RuleCase(
        "providers/rules/02_latest_judgements",
        "the latest full inspection's judgement as at the release's date, once in each group, "
        "on the group's scale; providers not yet inspected are not counted",
        {
            "settings": rows("as_at", ("2024-03-31",)),
            "group_members": GROUPS,
            "providers_analysed": rows(
                "urn provision_type latest_inspection_date overall sa_outcome",
                ("1", "childrens_home", "2023-11-06", "good", None),
                ("2", "childrens_home", "2024-03-31", "inadequate", None),
                ("3", "childrens_home", "2024-04-02", "outstanding", None),  # after the date
                ("4", "childrens_home", None, None, None),  # not yet inspected
                ("5", "supported_accommodation", "2024-01-15", None, "consistently_strong"),
            ),
        },
        "SELECT urn, grp, judgement FROM latest_judgements",
        rows(
            "urn grp judgement",
            ("1", "childrens_homes", "good"),
            ("1", "all_providers", "good"),
            ("2", "childrens_homes", "inadequate"),
            ("2", "all_providers", "inadequate"),
            ("5", "supported_accommodation", "consistently_strong"),
            ("5", "all_providers", None),
        ),
    ),
    RuleCase(
        "providers/rules/03_in_year_judgements",
        "every event of the period (1 April to 31 March, both days counting), once in each "
        "group, with its judgement on the group's scale where it gives one",
        {
            "settings": rows("period_start period_end", ("2024-04-01", "2025-03-31")),
            "group_members": GROUPS,
            "events_analysed": rows(
                "urn provision_type event_type inspection_date overall sa_outcome",
                ("1", "childrens_home", "full_inspection", "2024-04-01", "good", None),
                ("2", "childrens_home", "assurance_visit", "2024-06-10", None, None),
                ("3", "childrens_home", "full_inspection", "2024-03-31", "good", None),
                ("4", "childrens_home", "full_inspection", "2025-04-01", RI, None),
                (
                    "5",
                    "supported_accommodation",
                    "full_inspection",
                    "2025-03-31",
                    None,
                    "inconsistent_quality",
                ),
            ),
        },
        "SELECT urn, event_type, grp, judgement FROM in_year_judgements",
        rows(
            "urn event_type grp judgement",
            ("1", "full_inspection", "childrens_homes", "good"),
            ("1", "full_inspection", "all_providers", "good"),
            ("2", "assurance_visit", "childrens_homes", None),
            ("2", "assurance_visit", "all_providers", None),
            ("5", "full_inspection", "supported_accommodation", "inconsistent_quality"),
            ("5", "full_inspection", "all_providers", None),
        ),
    ),
]

CASES = INCLUDED + MOST_RECENT + CHANGE + IN_YEAR + PROVIDERS


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rule_model(case: RuleCase) -> None:
    run_rule_case(case)


def test_every_rule_model_has_its_own_test() -> None:
    rules = {model_name(p) for w in WAREHOUSES for p in model_files(w, ["rules"])}
    assert {c.model for c in CASES} == rules


def test_recency_keys_are_laid_out_as_the_event_facts_make_them(tmp_path: Path) -> None:
    """The tests' recency keys and kinds are those staging makes from a record."""
    from inspection_outcomes.sources.load import load_la_source
    from inspection_outcomes.store.inspections import Warehouse

    record = event(
        1,
        "E09000003",
        "2023-06-05",
        "2023-08-01",
        end="2023-06-16",
        overall_effectiveness="good",
        impact_of_leaders=RI,
        help_and_protection="inadequate",
        children_in_care="outstanding",
        care_leavers="good",
    )
    source = write_canonical(tmp_path / "events.csv", [record])
    con = Warehouse(load_la_source(f"canonical:{source}")).con
    got = con.execute("SELECT kind, recency, id_hash FROM event_facts").fetchone()
    assert got is not None
    assert got[0] == kind("ilacs_2023", "standard_inspection")
    assert got[1] == recency(
        "2023-06-05",
        "2023-08-01",
        end="2023-06-16",
        id_bits=got[2] // 4194304,
        overall_effectiveness="good",
        impact_of_leaders=RI,
        help_and_protection="inadequate",
        children_in_care="outstanding",
        care_leavers="good",
    )
