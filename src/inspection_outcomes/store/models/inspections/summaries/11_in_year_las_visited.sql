-- The LAs visited in the period (by any in-year event).
CREATE OR REPLACE MACRO in_year_las_visited() AS TABLE
SELECT count(DISTINCT la_id) AS las FROM in_year_snapshot;
