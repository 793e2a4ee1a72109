-- Focused visits in the period.
CREATE OR REPLACE MACRO in_year_focused_visits_count() AS TABLE
SELECT count(*) AS n FROM in_year_snapshot WHERE event_type = 'focused_visit';
