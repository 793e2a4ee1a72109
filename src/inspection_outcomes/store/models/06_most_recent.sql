-- "Most recent": each LA that exists at the as-at date with, for each judgement area, the
-- judgement at its most recent included graded inspection that gives that area:
--   overall effectiveness: the most recent inspection giving it (none from April 2026);
--   impact of leaders, help and protection, children in care: the most recent ILACS one;
--   care leavers: the most recent ILACS inspection with a separate care leavers judgement.
-- "Most recent" is the largest recency key (02_event_facts), which carries that inspection's
-- judgements: an LA's row holds the keys (recency_code reads a judgement from a key).
-- A judgement the source does not hold at that inspection stays NULL: the LA is then
-- graded, with a judgement the source does not hold, never given an older one instead.
-- The same pass keeps what change since an earlier inspection (07) compares: the LA's ILACS
-- inspections giving overall effectiveness, how many, the most recent, the first and the
-- one before the most recent. (A column a query does not read is not worked out.)
CREATE OR REPLACE MACRO la_as_at(as_at, cutoff) AS TABLE
WITH latest AS (
    SELECT
        la_id,
        max(recency) FILTER (WHERE gives_overall) AS overall_recency,
        max(recency) FILTER (WHERE ilacs) AS ilacs_recency,
        max(recency) FILTER (WHERE gives_care_leavers) AS care_leavers_recency,
        count(*) FILTER (WHERE gives_overall AND ilacs) AS ilacs_overall_inspections,
        max(recency) FILTER (WHERE gives_overall AND ilacs) AS ilacs_overall_recency,
        min(recency) FILTER (WHERE gives_overall AND ilacs) AS first_ilacs_overall_recency,
        max(recency, 2) FILTER (WHERE gives_overall AND ilacs) AS last_two_ilacs_overall
    FROM included_graded(as_at, cutoff)
    GROUP BY la_id
)
SELECT la.la_id, la.region,
       l.overall_recency, l.ilacs_recency, l.care_leavers_recency,
       coalesce(l.ilacs_overall_inspections, 0) AS ilacs_overall_inspections,
       l.ilacs_overall_recency, l.first_ilacs_overall_recency,
       l.last_two_ilacs_overall[2] AS previous_ilacs_overall_recency
FROM las_on(as_at) AS la
LEFT JOIN latest AS l ON l.la_id = la.la_id;
