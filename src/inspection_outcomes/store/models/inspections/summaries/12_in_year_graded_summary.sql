-- table macro in_year_graded_summary(): the period's graded inspections
-- (in_year_graded_snapshot): outcomes, and change against the previous ILACS inspection.
--   judgement             overall effectiveness (NULL: not held)
--   previous_judgement    at the LA's previous ILACS inspection (NULL: none, or not held)
--   change                improved, declined or retained (NULL: no previous inspection, or a
--                         judgement not held)
--   previously_inspected  whether the LA had a previous ILACS inspection
--   n                     how many inspections
CREATE OR REPLACE MACRO in_year_graded_summary() AS TABLE
SELECT
    judgement, previous_judgement, change,
    (previous_event_row IS NOT NULL) AS previously_inspected,
    count(*) AS n
FROM in_year_graded_snapshot
GROUP BY ALL;
