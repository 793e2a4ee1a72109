-- Summaries the figures are read from: small tables of counts, so that the figures never
-- pull per-LA rows out of the warehouse (a simulated country of a million LAs stays in SQL).
-- The as-at summaries read `as_at_snapshot`: la_as_at for one date, made once per date by
-- the warehouse (Warehouse.snapshot), since every as-at figure is a count over it.
CREATE OR REPLACE TABLE as_at_snapshot AS
SELECT * FROM la_as_at(DATE '1900-01-01', DATE '1900-01-01') WHERE false;

-- The judgements of the snapshot as codes (1 outstanding ... 4 inadequate; 0 or NULL:
-- none), for counting.
CREATE OR REPLACE MACRO as_at_codes() AS TABLE
SELECT
    la_id, region, overall_inspections,
    recency_code(overall_recency, 1) AS overall_effectiveness,
    recency_code(ilacs_recency, 2) AS impact_of_leaders,
    recency_code(ilacs_recency, 3) AS help_and_protection,
    recency_code(ilacs_recency, 4) AS children_in_care,
    recency_code(care_leavers_recency, 5) AS care_leavers,
    recency_code(care_leavers_recency, 4) AS children_in_care_with_care_leavers
FROM as_at_snapshot;

-- The snapshot as people read it: each LA's names and judgements.
CREATE OR REPLACE MACRO as_at_judgements() AS TABLE
SELECT
    a.la_id, la.la_code, la.name AS la_name, la.region, la.old_la_code,
    a.overall_inspections, a.overall_recency,
    recency_judgement(a.overall_recency, 1) AS overall_effectiveness,
    recency_judgement(a.ilacs_recency, 2) AS impact_of_leaders,
    recency_judgement(a.ilacs_recency, 3) AS help_and_protection,
    recency_judgement(a.ilacs_recency, 4) AS children_in_care,
    recency_judgement(a.care_leavers_recency, 5) AS care_leavers
FROM as_at_snapshot AS a
JOIN local_authorities AS la ON la.la_id = a.la_id;

-- Judgement counts as at a date, by area and region (LAs whose most recent judgement in an
-- area the source does not hold have no judgement there).
CREATE OR REPLACE MACRO as_at_counts() AS TABLE
WITH combinations AS (
    SELECT region, overall_effectiveness, impact_of_leaders, help_and_protection,
           children_in_care, care_leavers, count(*) AS n
    FROM as_at_codes()
    GROUP BY ALL
)
SELECT area, region, judgement_name(code) AS judgement, sum(n) AS n
FROM (UNPIVOT combinations
      ON overall_effectiveness, impact_of_leaders, help_and_protection, children_in_care,
         care_leavers
      INTO NAME area VALUE code)
WHERE code > 0
GROUP BY ALL;

-- LAs existing at the date that have no graded inspection, or whose most recent overall
-- judgement the source does not hold (names, for the release to state).
CREATE OR REPLACE MACRO as_at_ungraded() AS TABLE
SELECT la.name, la.la_code,
       CASE WHEN s.overall_inspections = 0 THEN 'not_yet_graded'
            ELSE 'judgement_not_in_source' END AS status
FROM as_at_codes() AS s
JOIN local_authorities AS la ON la.la_id = s.la_id
WHERE coalesce(s.overall_effectiveness, 0) = 0;

-- Care leavers against children in care at the same inspection (the most recent inspection
-- with a care leavers judgement), where both are judged. Codes run in the scale's order.
CREATE OR REPLACE MACRO care_leavers_comparison() AS TABLE
SELECT
    count(*) AS n,
    count(*) FILTER (WHERE care_leavers <> children_in_care_with_care_leavers) AS different,
    count(*) FILTER (WHERE care_leavers <= children_in_care_with_care_leavers)
        AS same_or_better
FROM as_at_codes()
WHERE care_leavers > 0 AND children_in_care_with_care_leavers > 0;

-- LAs inadequate overall whose most recent inspection (an ILACS one) gave exactly one
-- inadequate sub-judgement.
CREATE OR REPLACE MACRO inadequate_one_sub() AS TABLE
SELECT count(*) AS n
FROM as_at_snapshot
WHERE recency_code(overall_recency, 1) = judgement_code('inadequate')
  AND ilacs_overall_recency = overall_recency
  AND recency_inadequate_sub_judgements(overall_recency) = 1;

-- Change since the earlier inspection, counted by earlier judgement and change.
CREATE OR REPLACE MACRO change_summary(as_at, cutoff, compare) AS TABLE
SELECT
    earlier_judgement, change,
    count(*) AS n,
    count(*) FILTER (WHERE change = 'retained'
                     AND latest_judgement IN ('outstanding', 'good')) AS retained_good_or_outstanding,
    count(*) FILTER (WHERE grades_improved >= 2) AS improved_by_two,
    count(*) FILTER (WHERE grades_improved <= -2) AS declined_by_two
FROM change_since_earlier(as_at, cutoff, compare)
GROUP BY ALL;

-- The in-year summaries read `in_year_snapshot`, `in_year_graded_snapshot` and
-- `in_year_focused_snapshot`: the period's events, graded inspections and focused visits,
-- made once per period by the warehouse (Warehouse.period_snapshot).
CREATE OR REPLACE TABLE in_year_graded_snapshot AS
SELECT * FROM in_year_graded(DATE '1900-01-01', DATE '1900-01-01', DATE '1900-01-01')
WHERE false;
CREATE OR REPLACE TABLE in_year_focused_snapshot AS
SELECT * FROM in_year_focused_visits(DATE '1900-01-01') WHERE false;

-- In-year events by type, and the LAs visited.
CREATE OR REPLACE MACRO in_year_by_type() AS TABLE
SELECT event_type, count(*) AS n, count(DISTINCT la_id) AS las
FROM in_year_snapshot
GROUP BY ALL;

CREATE OR REPLACE MACRO in_year_las_visited() AS TABLE
SELECT count(DISTINCT la_id) AS las FROM in_year_snapshot;

-- In-year graded inspections: outcomes, and change against the previous ILACS inspection.
CREATE OR REPLACE MACRO in_year_graded_summary() AS TABLE
SELECT
    judgement, previous_judgement, change,
    (previous_event_row IS NOT NULL) AS previously_inspected,
    count(*) AS n,
    count(DISTINCT la_id) AS las
FROM in_year_graded_snapshot
GROUP BY ALL;

-- Focused visits by theme (a visit may have more than one theme), and to LAs judged requires
-- improvement at their last graded inspection.
CREATE OR REPLACE MACRO in_year_theme_counts() AS TABLE
WITH theme_sets AS (
    SELECT t.themes, count(*) AS n
    FROM in_year_focused_snapshot AS v
    JOIN focused_visit_themes AS t ON t.themes_hash = v.themes_hash
    GROUP BY ALL
)
SELECT trim(theme) AS theme, sum(n) AS n
FROM (SELECT unnest(string_split(themes, ';')) AS theme, n FROM theme_sets)
WHERE trim(theme) <> ''
GROUP BY ALL;

CREATE OR REPLACE MACRO in_year_focused_counts() AS TABLE
SELECT
    count(*) AS n,
    count(*) FILTER (WHERE last_graded_judgement = 'requires_improvement')
        AS to_requires_improvement_las
FROM in_year_focused_snapshot;

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
