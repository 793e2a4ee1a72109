-- Focused visits of the period's events (`in_year_snapshot`, made first by
-- Warehouse.period_snapshot) with the LA's overall effectiveness at its last graded
-- inspection before the visit's day (an as-of join on recency: of two inspections on the
-- same day, the more recent by the rule of staging/03_event_facts). The inspection is any
-- graded one giving overall effectiveness (a SIF one too), published by the cut-off.
--
-- table macro in_year_focused_visits(cutoff): one row for each focused visit of
-- in_year_snapshot.
--   *in_year_snapshot      every column of in_year_snapshot, in its order
--   last_graded_judgement  the LA's overall effectiveness at its last graded inspection before
--                          the visit's day (NULL: none, or not held)
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

-- table in_year_focused_snapshot: the period's focused visits, made once per period by
-- Warehouse.period_snapshot (empty until then; for the year before the release's period, left
-- empty), for the in-year summaries to count.
--   *in_year_focused_visits  every column of in_year_focused_visits, in its order
CREATE OR REPLACE TABLE in_year_focused_snapshot AS
SELECT * FROM in_year_focused_visits(DATE '1900-01-01') WHERE false;
