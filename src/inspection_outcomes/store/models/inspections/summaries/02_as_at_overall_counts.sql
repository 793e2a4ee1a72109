-- Overall effectiveness judgement counts as at a date, by region (all an earlier date has;
-- as_at_counts gives every area). LAs whose most recent overall effectiveness judgement the
-- source does not hold have no judgement here.
CREATE OR REPLACE MACRO as_at_overall_counts(day) AS TABLE
SELECT region, judgement_name(overall_effectiveness) AS judgement, sum(n) AS n
FROM as_at_snapshot
WHERE as_at_date = day AND overall_effectiveness > 0
GROUP BY ALL;
