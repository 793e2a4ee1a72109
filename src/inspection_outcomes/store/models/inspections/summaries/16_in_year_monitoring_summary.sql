-- table macro in_year_monitoring_summary(): the period's monitoring visits
-- (in_year_snapshot), the LAs visited, and those re-inspected in the period (a graded
-- inspection in the period after the LA's first monitoring visit of the period).
--   n                how many monitoring visits
--   las              how many LAs they visited
--   las_reinspected  of those, how many were re-inspected
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
