-- "Most recent": each LA that exists at the as-at date with, for each judgement area, the
-- judgement at its most recent included graded inspection that gives that area:
--   overall effectiveness: the most recent inspection giving it (none from April 2026);
--   impact of leaders, help and protection, children in care: the most recent ILACS one;
--   care leavers: the most recent ILACS inspection with a separate care leavers judgement.
-- "Most recent" is the largest recency key (staging/03_event_facts), which carries that
-- inspection's judgements: an LA's row holds the keys (recency_code reads a judgement from a
-- key). A judgement the source does not hold at that inspection stays NULL: the LA is then
-- graded, with a judgement the source does not hold, never given an older one instead. The same
-- pass keeps what change since an earlier inspection (rules/03_change_since_earlier) compares:
-- the LA's ILACS inspections giving overall effectiveness (those whose judgements may be compared:
-- in_change_comparison, from model.frameworks.comparable), how many, the most recent, the first
-- and the one before the most recent.
--
-- A release also states overall effectiveness as at the two 31 Marches before its date,
-- each with its own cut-off: la_as_at_release works out all three in one pass over the
-- graded inspections, one row for each LA of the LA table, with whether it exists at each
-- date (exists_at, existed_year_before, existed_two_years_before).
-- (A column a query does not read is not worked out.)
--
-- table macro la_as_at_release(as_at, cutoff, year_before, year_before_cutoff,
-- two_years_before, two_years_before_cutoff): one row for each LA of the LA table; every
-- *_recency column is the recency key (staging/03_event_facts) of an inspection, NULL where
-- the LA has none.
--   la_id                             the LA's row in local_authorities
--   region                            its Ofsted region
--   exists_at                         whether the LA exists at the as-at date
--   existed_year_before               whether it existed at `year_before`
--   existed_two_years_before          whether it existed at `two_years_before`
--   overall_recency                   its most recent included inspection giving overall
--                                     effectiveness
--   ilacs_recency                     its most recent included ILACS graded inspection (impact
--                                     of leaders, help and protection, children in care)
--   care_leavers_recency              its most recent included ILACS inspection with a separate
--                                     care leavers judgement
--   ilacs_overall_inspections         how many included ILACS inspections giving overall
--                                     effectiveness it has (0: none)
--   ilacs_overall_recency             the most recent of those
--   first_ilacs_overall_recency       the first of those
--   previous_ilacs_overall_recency    the one before the most recent of those
--   overall_recency_year_before       as overall_recency, as at `year_before` with its cut-off
--   overall_recency_two_years_before  as overall_recency, as at `two_years_before` with its
--                                     cut-off
CREATE OR REPLACE MACRO la_as_at_release(as_at, cutoff, year_before, year_before_cutoff,
                                         two_years_before, two_years_before_cutoff) AS TABLE
WITH graded AS (
    SELECT
        la_id, recency,
        gives_overall(kind) AS gives_overall,
        is_ilacs_graded(kind) AS ilacs,
        in_change_comparison(kind) AS compared,
        gives_care_leavers(kind) AS gives_care_leavers,
        included(took_place, publication_date, as_at, cutoff) AS at_date,
        included(took_place, publication_date, year_before, year_before_cutoff)
            AS at_year_before,
        included(took_place, publication_date, two_years_before, two_years_before_cutoff)
            AS at_two_years_before
    FROM graded_inspections
    -- (those that may count at one of the dates: each figure then takes its date's own)
    WHERE included(took_place, publication_date, greatest(as_at, year_before, two_years_before),
                   greatest(cutoff, year_before_cutoff, two_years_before_cutoff))
), latest AS (
    SELECT
        la_id,
        max(recency) FILTER (WHERE at_date AND gives_overall) AS overall_recency,
        max(recency) FILTER (WHERE at_date AND ilacs) AS ilacs_recency,
        max(recency) FILTER (WHERE at_date AND gives_care_leavers) AS care_leavers_recency,
        count(*) FILTER (WHERE at_date AND compared)
            AS ilacs_overall_inspections,
        max(recency) FILTER (WHERE at_date AND compared)
            AS ilacs_overall_recency,
        min(recency) FILTER (WHERE at_date AND compared)
            AS first_ilacs_overall_recency,
        max(recency, 2) FILTER (WHERE at_date AND compared)
            AS last_two_ilacs_overall,
        max(recency) FILTER (WHERE at_year_before AND gives_overall)
            AS overall_recency_year_before,
        max(recency) FILTER (WHERE at_two_years_before AND gives_overall)
            AS overall_recency_two_years_before
    FROM graded
    GROUP BY la_id
)
SELECT la.la_id, la.region,
       exists_on(la.valid_from, la.valid_to, as_at) AS exists_at,
       exists_on(la.valid_from, la.valid_to, year_before) AS existed_year_before,
       exists_on(la.valid_from, la.valid_to, two_years_before) AS existed_two_years_before,
       l.overall_recency, l.ilacs_recency, l.care_leavers_recency,
       coalesce(l.ilacs_overall_inspections, 0) AS ilacs_overall_inspections,
       l.ilacs_overall_recency, l.first_ilacs_overall_recency,
       l.last_two_ilacs_overall[2] AS previous_ilacs_overall_recency,
       l.overall_recency_year_before, l.overall_recency_two_years_before
FROM local_authorities AS la
LEFT JOIN latest AS l ON l.la_id = la.la_id;

-- table macro la_as_at(as_at, cutoff): the same as at one date, for each LA that exists then.
--   la_id                           the LA's row in local_authorities
--   region                          its Ofsted region
--   overall_recency                 as in la_as_at_release
--   ilacs_recency                   as in la_as_at_release
--   care_leavers_recency            as in la_as_at_release
--   ilacs_overall_inspections       as in la_as_at_release
--   ilacs_overall_recency           as in la_as_at_release
--   first_ilacs_overall_recency     as in la_as_at_release
--   previous_ilacs_overall_recency  as in la_as_at_release
CREATE OR REPLACE MACRO la_as_at(as_at, cutoff) AS TABLE
SELECT la_id, region, overall_recency, ilacs_recency, care_leavers_recency,
       ilacs_overall_inspections, ilacs_overall_recency, first_ilacs_overall_recency,
       previous_ilacs_overall_recency
FROM la_as_at_release(as_at, cutoff, as_at, cutoff, as_at, cutoff)
WHERE exists_at;
