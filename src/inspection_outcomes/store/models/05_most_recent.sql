-- "Most recent": each LA that exists at the as-at date with, for each judgement area, the
-- judgement at its most recent included graded inspection that gives that area:
--   overall effectiveness: the most recent inspection giving it (none from April 2026);
--   impact of leaders, help and protection, children in care: the most recent ILACS one;
--   care leavers: the most recent ILACS inspection with a separate care leavers judgement.
-- A NULL judgement at that inspection (unreadable in the source) stays NULL: the LA is then
-- graded, with a judgement the source does not hold, never given an older one instead.
CREATE OR REPLACE MACRO la_as_at(as_at, cutoff) AS TABLE
WITH latest AS (
    SELECT
        la_code,
        count(*) FILTER (WHERE gives_overall) AS overall_inspections,
        arg_max_null(event_id, order_key) FILTER (WHERE gives_overall) AS overall_event_id,
        arg_max_null(overall_effectiveness, order_key) FILTER (WHERE gives_overall)
            AS overall_effectiveness,
        arg_max_null(ilacs_inadequate_sub_judgements, order_key) FILTER (WHERE gives_overall)
            AS inadequate_sub_judgements,
        arg_max_null(impact_of_leaders, order_key) FILTER (WHERE ilacs) AS impact_of_leaders,
        arg_max_null(help_and_protection, order_key) FILTER (WHERE ilacs)
            AS help_and_protection,
        arg_max_null(children_in_care, order_key) FILTER (WHERE ilacs) AS children_in_care,
        arg_max_null(care_leavers, order_key) FILTER (WHERE gives_care_leavers)
            AS care_leavers,
        arg_max_null(children_in_care, order_key) FILTER (WHERE gives_care_leavers)
            AS children_in_care_with_care_leavers
    FROM included_graded(as_at, cutoff)
    GROUP BY la_code
)
SELECT la.la_code, la.name AS la_name, la.region, la.old_la_code,
       coalesce(l.overall_inspections, 0) AS overall_inspections,
       l.* EXCLUDE (la_code, overall_inspections)
FROM las_on(as_at) AS la
LEFT JOIN latest AS l ON l.la_code = la.la_code;
