-- table in_year_events_by_type: all events in the period by type (context for the in-year
-- figures).
--   grp         the provider group
--   event_type  full_inspection, monitoring_inspection, assurance_visit, ...
--   events      how many events
CREATE OR REPLACE TABLE in_year_events_by_type AS
SELECT grp, event_type, count(*) AS events
FROM in_year_judgements
GROUP BY grp, event_type
ORDER BY grp, event_type;
