-- Each in-year graded inspection against the LA's previous ILACS graded inspection (an as-of
-- join: the latest one before it, by recency). Both are graded inspections whose overall
-- effectiveness the methodology allows to be compared (in_change_comparison: ILACS versions
-- giving it, model.frameworks.comparable), published by the cut-off; the earlier one may be
-- of any date.
--
-- table macro in_year_graded(period_start, period_end, cutoff): one row for each such
-- inspection that took place from `period_start` to `period_end` (both inclusive).
--   la_id               the LA's row in local_authorities
--   event_row           where the inspection's record is in `events`
--   judgement           its overall effectiveness (NULL: not held)
--   previous_judgement  the overall effectiveness at the LA's previous such inspection (NULL:
--                       none, or not held)
--   previous_event_row  where the previous inspection's record is (NULL: none)
--   change              improved, declined or retained since the previous inspection (NULL:
--                       none, or a judgement not held)
CREATE OR REPLACE MACRO in_year_graded(period_start, period_end, cutoff) AS TABLE
WITH overall AS (
    SELECT la_id, event_row, recency, took_place
    FROM graded_inspections
    WHERE in_change_comparison(kind) AND publication_date <= cutoff
), current AS (
    SELECT * FROM overall WHERE took_place BETWEEN period_start AND period_end
), earlier AS (
    SELECT * FROM overall WHERE la_id IN (SELECT la_id FROM current)
), compared AS (
    SELECT cur.la_id, cur.event_row,
           recency_code(cur.recency, 1) AS code,
           recency_code(prev.recency, 1) AS previous_code,
           prev.event_row AS previous_event_row
    FROM current AS cur
    ASOF LEFT JOIN earlier AS prev
        ON prev.la_id = cur.la_id AND prev.recency < cur.recency
)
SELECT
    la_id, event_row,
    judgement_name(code) AS judgement,
    judgement_name(previous_code) AS previous_judgement,
    previous_event_row,
    -- the change rule of rules/03_change_since_earlier (NULL with no earlier inspection)
    CASE WHEN previous_event_row IS NOT NULL THEN change_between(previous_code, code) END
        AS change
FROM compared;

-- table in_year_graded_snapshot: the period's graded inspections, made once per period by
-- Warehouse.period_snapshot (empty until then; for the year before the release's period, left
-- empty), for the in-year summaries to count.
--   *in_year_graded  every column of in_year_graded, in its order
CREATE OR REPLACE TABLE in_year_graded_snapshot AS
SELECT * FROM in_year_graded(DATE '1900-01-01', DATE '1900-01-01', DATE '1900-01-01')
WHERE false;
