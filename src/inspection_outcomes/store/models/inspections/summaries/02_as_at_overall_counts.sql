-- table macro as_at_overall_counts(day): overall effectiveness judgement counts as at a date
-- of the snapshot, by region (all an earlier date has; as_at_counts gives every area). LAs
-- whose most recent overall effectiveness judgement the source does not hold, and those not
-- yet graded, are not counted.
--   region     Ofsted region
--   judgement  outstanding, good, requires_improvement or inadequate
--   n          how many LAs
CREATE OR REPLACE MACRO as_at_overall_counts(day) AS TABLE
SELECT region, judgement_name(overall_effectiveness) AS judgement, sum(n) AS n
FROM as_at_snapshot
WHERE as_at_date = day AND overall_effectiveness > 0
GROUP BY ALL;
