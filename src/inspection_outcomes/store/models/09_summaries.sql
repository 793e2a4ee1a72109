-- Summaries the figures are read from: small tables of counts, so that the figures never
-- pull per-LA rows out of the warehouse (a simulated country of a million LAs stays in SQL).

-- The LAs existing at a date, counted by region and by what is known of them at that date:
-- each judgement area's most recent judgement (la_as_at_release, 06), as codes (1
-- outstanding ... 4 inadequate; 0 or NULL: none), whether the LA is graded, and the change
-- since its earlier inspection (07; with compare NULL, not worked out); for the two 31
-- Marches before, overall effectiveness alone (all an earlier date's figures need). The LAs
-- without an overall effectiveness judgement are listed by la_id, for the release to name
-- them. Every as-at figure is a sum over these rows, those of its date (`as_at_date`): the
-- warehouse stores them once per release as `as_at_snapshot` (Warehouse.snapshot).
CREATE OR REPLACE MACRO ungraded_status(overall_recency) AS
CASE WHEN overall_recency IS NULL THEN 'not_yet_graded'
     WHEN recency_code(overall_recency, 1) = 0 THEN 'judgement_not_in_source'
END;

CREATE OR REPLACE MACRO as_at_combinations(as_at, cutoff, compare, year_before,
                                           year_before_cutoff, two_years_before,
                                           two_years_before_cutoff) AS TABLE
WITH coded AS (
    SELECT
        la_id, region, exists_at, existed_year_before, existed_two_years_before,
        ungraded_status(overall_recency) AS ungraded,
        recency_code(overall_recency, 1) AS overall_effectiveness,
        recency_code(ilacs_recency, 2) AS impact_of_leaders,
        recency_code(ilacs_recency, 3) AS help_and_protection,
        recency_code(ilacs_recency, 4) AS children_in_care,
        recency_code(care_leavers_recency, 5) AS care_leavers,
        recency_code(care_leavers_recency, 4) AS children_in_care_with_care_leavers,
        -- inadequate overall, at an ILACS inspection with exactly one inadequate
        -- sub-judgement
        coalesce(recency_code(overall_recency, 1) = judgement_code('inadequate')
                 AND ilacs_overall_recency = overall_recency
                 AND recency_inadequate_sub_judgements(overall_recency) = 1, false)
            AS inadequate_with_one_inadequate_sub,
        change_earlier_code(ilacs_overall_inspections, first_ilacs_overall_recency,
                            previous_ilacs_overall_recency, compare) AS change_earlier_code,
        change_latest_code(ilacs_overall_inspections, ilacs_overall_recency)
            AS change_latest_code,
        ungraded_status(overall_recency_year_before) AS ungraded_year_before,
        recency_code(overall_recency_year_before, 1) AS overall_effectiveness_year_before,
        ungraded_status(overall_recency_two_years_before) AS ungraded_two_years_before,
        recency_code(overall_recency_two_years_before, 1)
            AS overall_effectiveness_two_years_before
    FROM la_as_at_release(as_at, cutoff, year_before, year_before_cutoff,
                          two_years_before, two_years_before_cutoff)
), combinations AS (
    -- the LAs counted once by everything known of them at the three dates, then by date
    SELECT * EXCLUDE (la_id), count(*) AS n,
           list(la_id) FILTER (WHERE ungraded IS NOT NULL OR ungraded_year_before IS NOT NULL
                                     OR ungraded_two_years_before IS NOT NULL) AS la_ids
    FROM coded
    GROUP BY ALL
)
SELECT as_at AS as_at_date, region, ungraded, overall_effectiveness, impact_of_leaders,
       help_and_protection, children_in_care, care_leavers,
       children_in_care_with_care_leavers, inadequate_with_one_inadequate_sub,
       change_earlier_code, change_latest_code, sum(n) AS n,
       flatten(list(la_ids) FILTER (WHERE ungraded IS NOT NULL)) AS ungraded_la_ids
FROM combinations
WHERE exists_at
GROUP BY ALL
UNION ALL BY NAME
SELECT as_at_date, region, ungraded, overall_effectiveness, sum(n) AS n,
       flatten(list(la_ids) FILTER (WHERE ungraded IS NOT NULL)) AS ungraded_la_ids
FROM (SELECT year_before AS as_at_date, region, ungraded_year_before AS ungraded,
             overall_effectiveness_year_before AS overall_effectiveness, n, la_ids
      FROM combinations WHERE existed_year_before
      UNION ALL
      SELECT two_years_before, region, ungraded_two_years_before,
             overall_effectiveness_two_years_before, n, la_ids
      FROM combinations WHERE existed_two_years_before)
GROUP BY ALL;

CREATE OR REPLACE TABLE as_at_snapshot AS
SELECT * FROM as_at_combinations(DATE '1900-01-01', DATE '1900-01-01', NULL, DATE '1900-01-01',
                                 DATE '1900-01-01', DATE '1900-01-01', DATE '1900-01-01')
WHERE false;

-- Judgement counts as at a date, by area and region (LAs whose most recent judgement in an
-- area the source does not hold have no judgement there); overall effectiveness alone from
-- as_at_overall_counts (all an earlier date has).
CREATE OR REPLACE MACRO as_at_overall_counts(day) AS TABLE
SELECT region, judgement_name(overall_effectiveness) AS judgement, sum(n) AS n
FROM as_at_snapshot
WHERE as_at_date = day AND overall_effectiveness > 0
GROUP BY ALL;

CREATE OR REPLACE MACRO as_at_counts(day) AS TABLE
SELECT area, region, judgement_name(code) AS judgement, sum(n) AS n
FROM (UNPIVOT (SELECT region, overall_effectiveness, impact_of_leaders, help_and_protection,
                      children_in_care, care_leavers, n
               FROM as_at_snapshot
               WHERE as_at_date = day)
      ON overall_effectiveness, impact_of_leaders, help_and_protection, children_in_care,
         care_leavers
      INTO NAME area VALUE code)
WHERE code > 0
GROUP BY ALL;

-- The LAs existing at the date.
CREATE OR REPLACE MACRO as_at_total(day) AS TABLE
SELECT coalesce(sum(n), 0) AS n FROM as_at_snapshot WHERE as_at_date = day;

-- LAs existing at the date that have no graded inspection, or whose most recent overall
-- judgement the source does not hold (names, for the release to state). The names of all
-- the snapshot's dates are looked up at once, when the snapshot is made
-- (`as_at_ungraded_snapshot`, by Warehouse.snapshot).
CREATE OR REPLACE MACRO as_at_ungraded_names() AS TABLE
SELECT s.as_at_date, la.name, la.la_code, s.ungraded AS status
FROM (SELECT as_at_date, ungraded, unnest(ungraded_la_ids) AS la_id
      FROM as_at_snapshot WHERE ungraded IS NOT NULL) AS s
JOIN local_authorities AS la ON la.la_id = s.la_id;

CREATE OR REPLACE TABLE as_at_ungraded_snapshot AS
SELECT * FROM as_at_ungraded_names() WHERE false;

CREATE OR REPLACE MACRO as_at_ungraded(day) AS TABLE
SELECT name, la_code, status FROM as_at_ungraded_snapshot WHERE as_at_date = day;

-- Care leavers against children in care at the same inspection (the most recent inspection
-- with a care leavers judgement), where both are judged. Codes run in the scale's order.
CREATE OR REPLACE MACRO care_leavers_comparison(day) AS TABLE
SELECT
    coalesce(sum(n), 0) AS n,
    coalesce(sum(n) FILTER (WHERE care_leavers <> children_in_care_with_care_leavers), 0)
        AS different,
    coalesce(sum(n) FILTER (WHERE care_leavers <= children_in_care_with_care_leavers), 0)
        AS same_or_better
FROM as_at_snapshot
WHERE as_at_date = day AND care_leavers > 0 AND children_in_care_with_care_leavers > 0;

-- LAs inadequate overall whose most recent inspection (an ILACS one) gave exactly one
-- inadequate sub-judgement.
CREATE OR REPLACE MACRO inadequate_one_sub(day) AS TABLE
SELECT coalesce(sum(n) FILTER (WHERE inadequate_with_one_inadequate_sub), 0) AS n
FROM as_at_snapshot
WHERE as_at_date = day;

-- Change since the earlier inspection (07), counted by earlier judgement and change, over
-- the LAs compared (a change of NULL: a judgement compared is not held).
CREATE OR REPLACE MACRO change_summary(day) AS TABLE
WITH compared AS (
    SELECT judgement_name(change_earlier_code) AS earlier_judgement,
           judgement_name(change_latest_code) AS latest_judgement,
           change_between(change_earlier_code, change_latest_code) AS change,
           grades_improved(change_earlier_code, change_latest_code) AS grades_improved,
           n
    FROM as_at_snapshot
    WHERE as_at_date = day AND change_latest_code IS NOT NULL
)
SELECT
    earlier_judgement, change,
    sum(n) AS n,
    coalesce(sum(n) FILTER (WHERE change = 'retained'
                            AND latest_judgement IN ('outstanding', 'good')), 0)
        AS retained_good_or_outstanding,
    coalesce(sum(n) FILTER (WHERE grades_improved >= 2), 0) AS improved_by_two,
    coalesce(sum(n) FILTER (WHERE grades_improved <= -2), 0) AS declined_by_two
FROM compared
GROUP BY ALL;

-- The snapshot as people read it: each LA's names and judgements.
CREATE OR REPLACE MACRO as_at_judgements(as_at, cutoff) AS TABLE
SELECT
    a.la_id, la.la_code, la.name AS la_name, la.region, la.old_la_code, a.overall_recency,
    recency_judgement(a.overall_recency, 1) AS overall_effectiveness,
    recency_judgement(a.ilacs_recency, 2) AS impact_of_leaders,
    recency_judgement(a.ilacs_recency, 3) AS help_and_protection,
    recency_judgement(a.ilacs_recency, 4) AS children_in_care,
    recency_judgement(a.care_leavers_recency, 5) AS care_leavers
FROM la_as_at(as_at, cutoff) AS a
JOIN local_authorities AS la ON la.la_id = a.la_id;

-- The in-year summaries read `in_year_snapshot`, `in_year_graded_snapshot` and
-- `in_year_focused_snapshot`: the period's events, its graded inspections and its focused
-- visits with the LA's last judgement, made once per period by the warehouse
-- (Warehouse.period_snapshot; for the year before the release's period, the events alone).
CREATE OR REPLACE TABLE in_year_graded_snapshot AS
SELECT * FROM in_year_graded(DATE '1900-01-01', DATE '1900-01-01', DATE '1900-01-01')
WHERE false;
CREATE OR REPLACE TABLE in_year_focused_snapshot AS
SELECT * FROM in_year_focused_visits(DATE '1900-01-01') WHERE false;

-- In-year events by type, and the LAs visited.
CREATE OR REPLACE MACRO in_year_by_type() AS TABLE
SELECT event_type, count(*) AS n
FROM in_year_snapshot
GROUP BY ALL;

CREATE OR REPLACE MACRO in_year_las_visited() AS TABLE
SELECT count(DISTINCT la_id) AS las FROM in_year_snapshot;

-- In-year graded inspections: outcomes, and change against the previous ILACS inspection.
CREATE OR REPLACE MACRO in_year_graded_summary() AS TABLE
SELECT
    judgement, previous_judgement, change,
    (previous_event_row IS NOT NULL) AS previously_inspected,
    count(*) AS n
FROM in_year_graded_snapshot
GROUP BY ALL;

-- Focused visits, by theme (a visit may have more than one theme), and those to LAs judged
-- requires improvement at their last graded inspection.
CREATE OR REPLACE MACRO in_year_theme_counts() AS TABLE
WITH theme_sets AS (
    SELECT t.themes, count(*) AS n
    FROM in_year_snapshot AS v
    JOIN focused_visit_themes AS t ON t.themes_hash = v.themes_hash
    WHERE v.event_type = 'focused_visit'
    GROUP BY ALL
)
SELECT trim(theme) AS theme, sum(n) AS n
FROM (SELECT unnest(string_split(themes, ';')) AS theme, n FROM theme_sets)
WHERE trim(theme) <> ''
GROUP BY ALL;

CREATE OR REPLACE MACRO in_year_focused_visits_count() AS TABLE
SELECT count(*) AS n FROM in_year_snapshot WHERE event_type = 'focused_visit';

CREATE OR REPLACE MACRO in_year_focused_to_requires_improvement() AS TABLE
SELECT count(*) AS n
FROM in_year_focused_snapshot
WHERE last_graded_judgement = 'requires_improvement';

-- Monitoring visits, the LAs visited, and those re-inspected in the period (a graded
-- inspection in the period after the LA's first monitoring visit of the period).
CREATE OR REPLACE MACRO in_year_monitoring_summary() AS TABLE
WITH visits AS (
    SELECT * FROM in_year_snapshot WHERE event_type = 'monitoring_visit'
), first_visit AS (
    SELECT la_id, min(took_place) AS first_visit FROM visits GROUP BY la_id
), reinspected AS (
    SELECT DISTINCT f.la_id
    FROM first_visit AS f
    JOIN in_year_snapshot AS g
      ON g.la_id = f.la_id
     AND g.event_type IN ('standard_inspection', 'short_inspection')
     AND g.took_place > f.first_visit
)
SELECT
    count(*) AS n,
    count(DISTINCT v.la_id) AS las,
    count(DISTINCT v.la_id) FILTER (WHERE r.la_id IS NOT NULL) AS las_reinspected
FROM visits AS v
LEFT JOIN reinspected AS r ON r.la_id = v.la_id;
