-- Summaries the figures are read from: small tables of counts, so that the figures never
-- pull per-LA rows out of the warehouse (a simulated country of a million LAs stays in SQL).

-- The LAs existing at a date, counted by region and by what is known of them at that date: each
-- judgement area's most recent judgement (la_as_at_release, rules/02_la_as_at), as codes (1
-- outstanding ... 4 inadequate; 0 or NULL: none), whether the LA is graded, and the change
-- since its earlier inspection (rules/03_change_since_earlier; with compare NULL, not worked
-- out); for the two 31 Marches before, overall effectiveness alone (all an earlier date's
-- figures need). The LAs without an overall effectiveness judgement are listed by la_id, for
-- the release to name them. Every as-at figure is a sum over these rows, those of its date
-- (`as_at_date`): the warehouse stores them once per release as `as_at_snapshot`
-- (Warehouse.snapshot).
--
-- macro ungraded_status(overall_recency): why an LA has no overall effectiveness judgement,
-- from its most recent inspection giving one: not_yet_graded (no such inspection) or
-- judgement_not_in_source (the source does not hold the judgement); NULL: it has one.
CREATE OR REPLACE MACRO ungraded_status(overall_recency) AS
CASE WHEN overall_recency IS NULL THEN 'not_yet_graded'
     WHEN recency_code(overall_recency, 1) = 0 THEN 'judgement_not_in_source'
END;

-- table macro as_at_combinations(as_at, cutoff, compare, year_before, year_before_cutoff,
-- two_years_before, two_years_before_cutoff): one row for each date, region and combination
-- of what is known of the LAs existing then. Judgements are codes (1 outstanding ... 4
-- inadequate; 0: the source does not hold it; NULL: no inspection gives it); the rows of the
-- two earlier dates hold overall effectiveness alone (the other columns NULL).
--   as_at_date                          the date: `as_at`, `year_before` or `two_years_before`
--   region                              the LAs' Ofsted region
--   ungraded                            ungraded_status of the LAs (NULL: graded)
--   overall_effectiveness               the most recent overall effectiveness judgement
--   impact_of_leaders                   the most recent ILACS impact of leaders judgement
--   help_and_protection                 the most recent ILACS help and protection judgement
--   children_in_care                    the most recent ILACS children in care judgement
--   care_leavers                        the most recent separate care leavers judgement
--   children_in_care_with_care_leavers  children in care at that same inspection
--   inadequate_with_one_inadequate_sub  inadequate overall at an ILACS inspection with exactly
--                                       one inadequate sub-judgement
--   change_earlier_code                 the earlier judgement compared (change_earlier_code;
--                                       NULL: not compared)
--   change_latest_code                  the latest judgement compared (change_latest_code;
--                                       NULL: not compared)
--   n                                   how many LAs
--   ungraded_la_ids                     the la_id of each of them, where ungraded is not NULL
CREATE OR REPLACE MACRO as_at_combinations(as_at, cutoff, compare, year_before,
                                           year_before_cutoff, two_years_before,
                                           two_years_before_cutoff) AS TABLE
WITH coded AS (
    SELECT
        la_id, region, exists_at, existed_year_before, existed_two_years_before,
        ungraded_status(overall_recency) AS ungraded,
        recency_code(overall_recency, 1) AS overall_effectiveness,
        recency_code(ilacs_recency, 2) AS impact_of_leaders,
        recency_code(ilacs_recency, 3) AS help_and_protection,
        recency_code(ilacs_recency, 4) AS children_in_care,
        recency_code(care_leavers_recency, 5) AS care_leavers,
        recency_code(care_leavers_recency, 4) AS children_in_care_with_care_leavers,
        -- inadequate overall, at an ILACS inspection with exactly one inadequate
        -- sub-judgement
        coalesce(recency_code(overall_recency, 1) = judgement_code('inadequate')
                 AND ilacs_overall_recency = overall_recency
                 AND recency_inadequate_sub_judgements(overall_recency) = 1, false)
            AS inadequate_with_one_inadequate_sub,
        change_earlier_code(ilacs_overall_inspections, first_ilacs_overall_recency,
                            previous_ilacs_overall_recency, compare) AS change_earlier_code,
        change_latest_code(ilacs_overall_inspections, ilacs_overall_recency)
            AS change_latest_code,
        ungraded_status(overall_recency_year_before) AS ungraded_year_before,
        recency_code(overall_recency_year_before, 1) AS overall_effectiveness_year_before,
        ungraded_status(overall_recency_two_years_before) AS ungraded_two_years_before,
        recency_code(overall_recency_two_years_before, 1)
            AS overall_effectiveness_two_years_before
    FROM la_as_at_release(as_at, cutoff, year_before, year_before_cutoff,
                          two_years_before, two_years_before_cutoff)
), combinations AS (
    -- the LAs counted once by everything known of them at the three dates, then by date
    SELECT * EXCLUDE (la_id), count(*) AS n,
           list(la_id) FILTER (WHERE ungraded IS NOT NULL OR ungraded_year_before IS NOT NULL
                                     OR ungraded_two_years_before IS NOT NULL) AS la_ids
    FROM coded
    GROUP BY ALL
)
SELECT as_at AS as_at_date, region, ungraded, overall_effectiveness, impact_of_leaders,
       help_and_protection, children_in_care, care_leavers,
       children_in_care_with_care_leavers, inadequate_with_one_inadequate_sub,
       change_earlier_code, change_latest_code, sum(n) AS n,
       flatten(list(la_ids) FILTER (WHERE ungraded IS NOT NULL)) AS ungraded_la_ids
FROM combinations
WHERE exists_at
GROUP BY ALL
UNION ALL BY NAME
SELECT as_at_date, region, ungraded, overall_effectiveness, sum(n) AS n,
       flatten(list(la_ids) FILTER (WHERE ungraded IS NOT NULL)) AS ungraded_la_ids
FROM (SELECT year_before AS as_at_date, region, ungraded_year_before AS ungraded,
             overall_effectiveness_year_before AS overall_effectiveness, n, la_ids
      FROM combinations WHERE existed_year_before
      UNION ALL
      SELECT two_years_before, region, ungraded_two_years_before,
             overall_effectiveness_two_years_before, n, la_ids
      FROM combinations WHERE existed_two_years_before)
GROUP BY ALL;

-- table as_at_snapshot: the combinations of a release's three dates, made once per release
-- by Warehouse.snapshot (empty until then); every as-at summary sums its rows.
--   *as_at_combinations  every column of as_at_combinations, in its order
CREATE OR REPLACE TABLE as_at_snapshot AS
SELECT * FROM as_at_combinations(DATE '1900-01-01', DATE '1900-01-01', NULL, DATE '1900-01-01',
                                 DATE '1900-01-01', DATE '1900-01-01', DATE '1900-01-01')
WHERE false;
