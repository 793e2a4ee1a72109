-- In-year activity as the figures count it: the events of in_year_events
-- (rules/04_in_year_events), from the event facts.
--
-- table macro in_year_facts(period_start, period_end, cutoff): the event facts of ILACS
-- events that took place from `period_start` to `period_end` (both inclusive) and were
-- published by `cutoff`.
--   la_id        the LA's row in local_authorities
--   event_row    where the whole record is in `events`
--   event_type   standard_inspection, short_inspection, focused_visit or monitoring_visit
--   took_place   the start date, else the publication date
--   themes_hash  a hash of a focused visit's themes (focused_visit_themes has their text)
CREATE OR REPLACE MACRO in_year_facts(period_start, period_end, cutoff) AS TABLE
SELECT la_id, event_row, kind_event_type(kind) AS event_type, took_place, themes_hash
FROM event_facts
WHERE in_ilacs(kind)
  AND took_place BETWEEN period_start AND period_end
  AND publication_date <= cutoff;

-- table in_year_snapshot: the period's events, made once per period by
-- Warehouse.period_snapshot (empty until then), for the in-year summaries to count.
--   *in_year_facts  every column of in_year_facts, in its order
CREATE OR REPLACE TABLE in_year_snapshot AS
SELECT * FROM in_year_facts(DATE '1900-01-01', DATE '1900-01-01', DATE '1900-01-01')
WHERE false;
