-- "Most recent": each LA that exists at the as-at date with, for each judgement area, the
-- judgement at its most recent included graded inspection that gives that area:
--   overall effectiveness: the most recent inspection giving it (none from April 2026);
--   impact of leaders, help and protection, children in care: the most recent ILACS one;
--   care leavers: the most recent ILACS inspection with a separate care leavers judgement.
-- "Most recent" is the largest recency key (02_event_facts), which carries that inspection's
-- judgements: an LA's row holds the keys (as_at_codes and as_at_judgements in 09 read them).
-- A judgement the source does not hold at that inspection stays NULL: the LA is then
-- graded, with a judgement the source does not hold, never given an older one instead.
CREATE OR REPLACE MACRO la_as_at(as_at, cutoff) AS TABLE
WITH latest AS (
    SELECT
        la_id,
        count(*) FILTER (WHERE gives_overall) AS overall_inspections,
        max(recency) FILTER (WHERE gives_overall) AS overall_recency,
        max(recency) FILTER (WHERE gives_overall AND ilacs) AS ilacs_overall_recency,
        max(recency) FILTER (WHERE ilacs) AS ilacs_recency,
        max(recency) FILTER (WHERE gives_care_leavers) AS care_leavers_recency
    FROM included_graded(as_at, cutoff)
    GROUP BY la_id
)
SELECT la.la_id, la.region,
       coalesce(l.overall_inspections, 0) AS overall_inspections,
       l.overall_recency, l.ilacs_overall_recency, l.ilacs_recency, l.care_leavers_recency
FROM las_on(as_at) AS la
LEFT JOIN latest AS l ON l.la_id = la.la_id;
