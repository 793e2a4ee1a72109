-- "Most recent": for each LA that exists at the as-at date and each judgement area, the
-- judgement at the most recent included graded inspection whose framework gives that area.
-- Two inspections on one day are ordered by end date, then publication date, then event id,
-- so the choice is always the same. A NULL judgement (unreadable in the source) is kept: the
-- LA is then reported as graded but with a judgement the source does not hold, never given
-- an older judgement instead.
CREATE OR REPLACE MACRO most_recent_judgements(as_at, cutoff) AS TABLE
SELECT j.*, la.name AS la_name, la.region
FROM included_judgements(as_at, cutoff) AS j
JOIN las_on(as_at) AS la ON la.la_code = j.la_code
QUALIFY row_number() OVER (
    PARTITION BY j.la_code, j.area
    ORDER BY j.took_place DESC, j.end_date DESC NULLS LAST, j.publication_date DESC,
             j.event_id DESC
) = 1;
