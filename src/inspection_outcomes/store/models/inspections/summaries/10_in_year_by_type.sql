-- table macro in_year_by_type(): the period's events (in_year_snapshot) by type.
--   event_type  standard_inspection, short_inspection, focused_visit or monitoring_visit
--   n           how many events
CREATE OR REPLACE MACRO in_year_by_type() AS TABLE
SELECT event_type, count(*) AS n
FROM in_year_snapshot
GROUP BY ALL;
