-- table macro care_leavers_comparison(day): care leavers against children in care at the
-- same inspection (the most recent inspection with a care leavers judgement), where both are
-- judged. Codes run in the scale's order.
--   n               LAs with both judgements
--   different       of those, LAs whose two judgements differ
--   same_or_better  of those, LAs whose care leavers judgement is as good or better
CREATE OR REPLACE MACRO care_leavers_comparison(day) AS TABLE
SELECT
    coalesce(sum(n), 0) AS n,
    coalesce(sum(n) FILTER (WHERE care_leavers <> children_in_care_with_care_leavers), 0)
        AS different,
    coalesce(sum(n) FILTER (WHERE care_leavers <= children_in_care_with_care_leavers), 0)
        AS same_or_better
FROM as_at_snapshot
WHERE as_at_date = day AND care_leavers > 0 AND children_in_care_with_care_leavers > 0;
