-- Change in overall effectiveness for LAs with more than one ILACS graded inspection as at
-- the date: the most recent judgement against the first ILACS judgement (compare = 'first')
-- or the one before it (compare = 'previous'). Only inspections of the LA itself count (a
-- successor LA starts its own history). Codes: 1 outstanding ... 4 inadequate (0: none).
CREATE OR REPLACE MACRO change_since_earlier(as_at, cutoff, compare) AS TABLE
WITH history AS (
    SELECT
        g.la_id,
        max(g.recency) AS latest,
        min(g.recency) AS first,
        max(g.recency, 2)[2] AS previous
    FROM included_graded(as_at, cutoff) AS g
    WHERE g.ilacs AND g.gives_overall
    GROUP BY g.la_id
    HAVING count(*) > 1
), coded AS (
    SELECT la_id,
           recency_code(latest, 1) AS latest_code,
           recency_code(CASE WHEN compare = 'first' THEN first ELSE previous END, 1)
               AS earlier_code
    FROM history
    WHERE la_id IN (SELECT la_id FROM las_on(as_at))
)
SELECT
    la_id,
    judgement_name(earlier_code) AS earlier_judgement,
    judgement_name(latest_code) AS latest_judgement,
    CASE WHEN latest_code > 0 AND earlier_code > 0 THEN earlier_code - latest_code END
        AS grades_improved,
    CASE
        WHEN latest_code = 0 OR earlier_code = 0 THEN NULL
        WHEN latest_code < earlier_code THEN 'improved'
        WHEN latest_code > earlier_code THEN 'declined'
        ELSE 'retained'
    END AS change
FROM coded;
