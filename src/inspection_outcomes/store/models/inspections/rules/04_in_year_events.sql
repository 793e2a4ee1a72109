-- In-year activity: every ILACS event that took place in the period (by default 1 April to
-- 31 March) and whose report was published by the cut-off, as people read them (the
-- release's table of the period's events; in_year_facts counts the same events).
--
-- table macro in_year_events(period_start, period_end, cutoff): the ILACS inspection events
-- that took place from `period_start` to `period_end` (both inclusive) and were published by
-- `cutoff`, with their LA.
--   *inspection_events  every column of inspection_events, in its order
--   la_name             the LA's name (NULL: a code the LA table does not know)
--   region              the LA's Ofsted region
--   old_la_code         the LA's old 3-digit code
CREATE OR REPLACE MACRO in_year_events(period_start, period_end, cutoff) AS TABLE
SELECT i.*, la.name AS la_name, la.region, la.old_la_code
FROM inspection_events AS i
LEFT JOIN local_authorities AS la ON la.la_code = i.la_code
WHERE i.framework LIKE 'ilacs%'
  AND i.took_place BETWEEN period_start AND period_end
  AND i.publication_date <= cutoff;
