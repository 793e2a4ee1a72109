-- In-year activity: every ILACS event that took place in the period (by default 1 April to
-- 31 March) and whose report was published by the cut-off. As people read them (the
-- release's table of the period's events):
CREATE OR REPLACE MACRO in_year_events(period_start, period_end, cutoff) AS TABLE
SELECT i.*, la.name AS la_name, la.region, la.old_la_code
FROM inspection_events AS i
LEFT JOIN local_authorities AS la ON la.la_code = i.la_code
WHERE i.framework LIKE 'ilacs%'
  AND i.took_place BETWEEN period_start AND period_end
  AND i.publication_date <= cutoff;

-- ... and as the figures count them (the same events, from the event facts).
CREATE OR REPLACE MACRO in_year_facts(period_start, period_end, cutoff) AS TABLE
SELECT la_id, event_row, kind_event_type(kind) AS event_type, took_place, themes_hash
FROM event_facts
WHERE in_ilacs(kind)
  AND took_place BETWEEN period_start AND period_end
  AND publication_date <= cutoff;

-- Each in-year graded inspection against the LA's previous ILACS graded inspection (an as-of
-- join: the latest one before it, by recency).
CREATE OR REPLACE MACRO in_year_graded(period_start, period_end, cutoff) AS TABLE
WITH overall AS (
    SELECT la_id, event_row, recency, took_place
    FROM graded_inspections
    WHERE is_ilacs_graded(kind) AND gives_overall(kind) AND publication_date <= cutoff
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
    -- the change rule of 07 (NULL with no earlier inspection)
    CASE WHEN previous_event_row IS NOT NULL THEN change_between(previous_code, code) END
        AS change
FROM compared;

-- The period's events, made once per period by Warehouse.period_snapshot (empty until then).
CREATE OR REPLACE TABLE in_year_snapshot AS
SELECT * FROM in_year_facts(DATE '1900-01-01', DATE '1900-01-01', DATE '1900-01-01')
WHERE false;

-- Focused visits of the period's events (`in_year_snapshot`, made first by
-- Warehouse.period_snapshot) with the LA's overall effectiveness at its last graded
-- inspection before the visit's day (an as-of join on recency: of two inspections on the
-- same day, the more recent by the rule of 02).
CREATE OR REPLACE MACRO in_year_focused_visits(cutoff) AS TABLE
WITH visits AS (
    SELECT * FROM in_year_snapshot WHERE event_type = 'focused_visit'
), overall AS (
    SELECT g.la_id, g.recency
    FROM graded_inspections AS g
    JOIN (SELECT DISTINCT la_id FROM visits) AS visited ON visited.la_id = g.la_id
    WHERE gives_overall(g.kind) AND g.publication_date <= cutoff
)
SELECT v.*, recency_judgement(o.recency, 1) AS last_graded_judgement
FROM visits AS v
ASOF LEFT JOIN overall AS o
    ON o.la_id = v.la_id AND o.recency < day_recency(v.took_place);
