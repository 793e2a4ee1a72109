-- Change in overall effectiveness for LAs with more than one ILACS graded inspection as at
-- the date: the most recent judgement against the first ILACS judgement (compare = 'first')
-- or the one before it (compare = 'previous'). Only inspections of the LA itself count (a
-- successor LA starts its own history). Ranks: 1 outstanding ... 4 inadequate.
CREATE OR REPLACE MACRO change_since_earlier(as_at, cutoff, compare) AS TABLE
WITH history AS (
    SELECT
        g.la_code,
        arg_max_null(g.overall_effectiveness, g.order_key) AS latest_judgement,
        arg_min_null(g.overall_effectiveness, g.order_key) AS first_judgement,
        arg_max({'judgement': g.overall_effectiveness}, g.order_key, 2) AS last_two
    FROM included_graded(as_at, cutoff) AS g
    JOIN las_on(as_at) AS la ON la.la_code = g.la_code
    WHERE g.ilacs AND g.gives_overall
    GROUP BY g.la_code
    HAVING count(*) > 1
), compared AS (
    SELECT la_code, latest_judgement,
           CASE WHEN compare = 'first' THEN first_judgement
                ELSE last_two[2].judgement END AS earlier_judgement
    FROM history
)
SELECT
    c.la_code,
    c.earlier_judgement,
    c.latest_judgement,
    earlier.rank - latest.rank AS grades_improved,
    CASE
        WHEN latest.rank IS NULL OR earlier.rank IS NULL THEN NULL
        WHEN latest.rank < earlier.rank THEN 'improved'
        WHEN latest.rank > earlier.rank THEN 'declined'
        ELSE 'retained'
    END AS change
FROM compared AS c
LEFT JOIN judgement_scale AS latest ON latest.judgement = c.latest_judgement
LEFT JOIN judgement_scale AS earlier ON earlier.judgement = c.earlier_judgement;
