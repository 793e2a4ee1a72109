-- Summaries the figures are read from: small tables of counts, so that the figures never
-- pull per-LA rows out of the warehouse (a simulated country of a million LAs stays in SQL).
-- The as-at summaries read `as_at_snapshot`: la_as_at for one date, made once per date by
-- the warehouse (Warehouse.snapshot), since every as-at figure is a count over it.
CREATE OR REPLACE TABLE as_at_snapshot AS
SELECT * FROM la_as_at(DATE '1900-01-01', DATE '1900-01-01') WHERE false;

-- Judgement counts as at a date, by area and region. A NULL judgement counts LAs whose most
-- recent judgement in that area the source does not hold.
CREATE OR REPLACE MACRO as_at_counts() AS TABLE
SELECT area, region, judgement, count(*) AS n
FROM (UNPIVOT as_at_snapshot
      ON overall_effectiveness, impact_of_leaders, help_and_protection, children_in_care,
         care_leavers
      INTO NAME area VALUE judgement)
GROUP BY ALL;

-- LAs existing at the date that have no graded inspection, or whose most recent overall
-- judgement the source does not hold (names, for the release to state).
CREATE OR REPLACE MACRO as_at_ungraded() AS TABLE
SELECT la_name AS name, la_code,
       CASE WHEN overall_inspections = 0 THEN 'not_yet_graded'
            ELSE 'judgement_not_in_source' END AS status
FROM as_at_snapshot
WHERE overall_effectiveness IS NULL;

-- Care leavers against children in care at the same inspection (the most recent inspection
-- with a care leavers judgement).
CREATE OR REPLACE MACRO care_leavers_comparison() AS TABLE
SELECT
    count(*) AS n,
    count(*) FILTER (WHERE a.care_leavers <> a.children_in_care_with_care_leavers)
        AS different,
    count(*) FILTER (WHERE scl.rank <= scic.rank) AS same_or_better
FROM as_at_snapshot AS a
JOIN judgement_scale AS scl ON scl.judgement = a.care_leavers
JOIN judgement_scale AS scic ON scic.judgement = a.children_in_care_with_care_leavers;

-- LAs inadequate overall whose most recent inspection gave exactly one inadequate
-- sub-judgement.
CREATE OR REPLACE MACRO inadequate_one_sub() AS TABLE
SELECT count(*) AS n
FROM as_at_snapshot
WHERE overall_effectiveness = 'inadequate' AND inadequate_sub_judgements = 1;

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
SELECT event_type, count(*) AS n, count(DISTINCT la_code) AS las
FROM in_year_snapshot
GROUP BY ALL;

CREATE OR REPLACE MACRO in_year_las_visited() AS TABLE
SELECT count(DISTINCT la_code) AS las FROM in_year_snapshot;

-- In-year graded inspections: outcomes, and change against the previous ILACS inspection.
CREATE OR REPLACE MACRO in_year_graded_summary() AS TABLE
SELECT
    judgement, previous_judgement, change,
    (previous_event_id IS NOT NULL) AS previously_inspected,
    count(*) AS n,
    count(DISTINCT la_code) AS las
FROM in_year_graded_snapshot
GROUP BY ALL;

-- Focused visits by theme (a visit may have more than one theme), and to LAs judged requires
-- improvement at their last graded inspection.
CREATE OR REPLACE MACRO in_year_theme_counts() AS TABLE
SELECT trim(theme) AS theme, count(*) AS n
FROM (SELECT unnest(string_split(themes, ';')) AS theme
      FROM in_year_focused_snapshot
      WHERE themes IS NOT NULL)
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
    SELECT la_code, min(took_place) AS first_visit FROM visits GROUP BY la_code
), reinspected AS (
    SELECT DISTINCT f.la_code
    FROM first_visit AS f
    JOIN in_year_snapshot AS g
      ON g.la_code = f.la_code
     AND g.event_type IN ('standard_inspection', 'short_inspection')
     AND g.took_place > f.first_visit
)
SELECT
    count(*) AS n,
    count(DISTINCT v.la_code) AS las,
    count(DISTINCT v.la_code) FILTER (WHERE r.la_code IS NOT NULL) AS las_reinspected
FROM visits AS v
LEFT JOIN reinspected AS r ON r.la_code = v.la_code;
