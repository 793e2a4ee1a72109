-- In-year activity: every ILACS event that started in the period (by default 1 April to
-- 31 March) and whose report was published by the cut-off.
CREATE OR REPLACE MACRO in_year_events(period_start, period_end, cutoff) AS TABLE
SELECT i.*, la.name AS la_name, la.region, la.old_la_code
FROM inspection_events AS i
LEFT JOIN local_authorities AS la ON la.la_code = i.la_code
WHERE i.framework LIKE 'ilacs%'
  AND i.took_place BETWEEN period_start AND period_end
  AND i.publication_date <= cutoff;

-- Each in-year graded inspection against the LA's previous ILACS graded inspection (an as-of
-- join: the latest one before it).
CREATE OR REPLACE MACRO in_year_graded(period_start, period_end, cutoff) AS TABLE
WITH overall AS (
    SELECT la_code, event_id, order_key, took_place, overall_effectiveness AS judgement
    FROM graded_inspections
    WHERE ilacs AND gives_overall AND publication_date <= cutoff
)
SELECT
    cur.la_code, cur.event_id, cur.judgement,
    prev.judgement AS previous_judgement,
    prev.event_id AS previous_event_id,
    CASE
        WHEN prev.event_id IS NULL OR c.rank IS NULL OR p.rank IS NULL THEN NULL
        WHEN c.rank < p.rank THEN 'improved'
        WHEN c.rank > p.rank THEN 'declined'
        ELSE 'retained'
    END AS change
FROM (SELECT * FROM overall WHERE took_place BETWEEN period_start AND period_end) AS cur
ASOF LEFT JOIN overall AS prev
    ON prev.la_code = cur.la_code AND prev.order_key < cur.order_key
LEFT JOIN judgement_scale AS c ON c.judgement = cur.judgement
LEFT JOIN judgement_scale AS p ON p.judgement = prev.judgement;

-- The period's events, made once per period by Warehouse.period_snapshot (empty until then).
CREATE OR REPLACE TABLE in_year_snapshot AS
SELECT * FROM in_year_events(DATE '1900-01-01', DATE '1900-01-01', DATE '1900-01-01')
WHERE false;

-- Focused visits of the period's events (`in_year_snapshot`, made first by
-- Warehouse.period_snapshot) with the LA's overall effectiveness at its last graded
-- inspection before the visit (an as-of join on the visit's date).
CREATE OR REPLACE MACRO in_year_focused_visits(cutoff) AS TABLE
WITH overall AS (
    SELECT la_code, took_place, overall_effectiveness AS judgement
    FROM graded_inspections
    WHERE gives_overall AND publication_date <= cutoff
      AND la_code IN (SELECT la_code FROM in_year_snapshot WHERE event_type = 'focused_visit')
)
SELECT v.*, o.judgement AS last_graded_judgement
FROM (SELECT * FROM in_year_snapshot WHERE event_type = 'focused_visit') AS v
ASOF LEFT JOIN overall AS o
    ON o.la_code = v.la_code AND o.took_place < v.took_place;
