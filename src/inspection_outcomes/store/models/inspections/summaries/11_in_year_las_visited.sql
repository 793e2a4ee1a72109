-- table macro in_year_las_visited(): the LAs with an event in the period (in_year_snapshot).
--   las  how many LAs
CREATE OR REPLACE MACRO in_year_las_visited() AS TABLE
SELECT count(DISTINCT la_id) AS las FROM in_year_snapshot;
