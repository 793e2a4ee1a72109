-- Change in overall effectiveness for LAs with more than one ILACS graded inspection as at
-- the date: the most recent judgement against the first ILACS judgement (compare = 'first')
-- or the one before it (compare = 'previous'). Only inspections of the LA itself count (a
-- successor LA starts its own history). Ranks: 1 outstanding ... 4 inadequate.
CREATE OR REPLACE MACRO ilacs_overall_history(as_at, cutoff) AS TABLE
SELECT
    j.*,
    s.rank,
    row_number() OVER w AS recency,
    count(*) OVER (PARTITION BY j.la_code) AS inspections
FROM included_judgements(as_at, cutoff) AS j
JOIN las_on(as_at) AS la ON la.la_code = j.la_code
LEFT JOIN judgement_scale AS s ON s.judgement = j.judgement
WHERE j.area = 'overall_effectiveness' AND j.framework LIKE 'ilacs%'
WINDOW w AS (
    PARTITION BY j.la_code
    ORDER BY j.took_place DESC, j.end_date DESC NULLS LAST, j.publication_date DESC,
             j.event_id DESC
);

CREATE OR REPLACE MACRO change_since_earlier(as_at, cutoff, compare) AS TABLE
SELECT
    latest.la_code,
    earlier.judgement AS earlier_judgement,
    latest.judgement AS latest_judgement,
    earlier.rank - latest.rank AS grades_improved,
    CASE
        WHEN latest.rank IS NULL OR earlier.rank IS NULL THEN NULL
        WHEN latest.rank < earlier.rank THEN 'improved'
        WHEN latest.rank > earlier.rank THEN 'declined'
        ELSE 'retained'
    END AS change
FROM ilacs_overall_history(as_at, cutoff) AS latest
JOIN ilacs_overall_history(as_at, cutoff) AS earlier
    ON earlier.la_code = latest.la_code
   AND earlier.recency = CASE WHEN compare = 'first' THEN latest.inspections ELSE 2 END
WHERE latest.recency = 1 AND latest.inspections > 1;
