-- In-year activity as the figures count it: the events of in_year_events
-- (rules/04_in_year_events), from the event facts.
CREATE OR REPLACE MACRO in_year_facts(period_start, period_end, cutoff) AS TABLE
SELECT la_id, event_row, kind_event_type(kind) AS event_type, took_place, themes_hash
FROM event_facts
WHERE in_ilacs(kind)
  AND took_place BETWEEN period_start AND period_end
  AND publication_date <= cutoff;

-- The period's events, made once per period by Warehouse.period_snapshot (empty until then).
CREATE OR REPLACE TABLE in_year_snapshot AS
SELECT * FROM in_year_facts(DATE '1900-01-01', DATE '1900-01-01', DATE '1900-01-01')
WHERE false;
