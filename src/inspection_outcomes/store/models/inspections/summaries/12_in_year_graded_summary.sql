-- In-year graded inspections: outcomes, and change against the previous ILACS inspection.
CREATE OR REPLACE MACRO in_year_graded_summary() AS TABLE
SELECT
    judgement, previous_judgement, change,
    (previous_event_row IS NOT NULL) AS previously_inspected,
    count(*) AS n
FROM in_year_graded_snapshot
GROUP BY ALL;
