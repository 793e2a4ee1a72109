-- table macro in_year_focused_visits_count(): the period's focused visits (in_year_snapshot).
--   n  how many visits
CREATE OR REPLACE MACRO in_year_focused_visits_count() AS TABLE
SELECT count(*) AS n FROM in_year_snapshot WHERE event_type = 'focused_visit';
