-- table macro change_summary(day): change since the earlier inspection
-- (rules/03_change_since_earlier), counted by earlier judgement and change, over the LAs
-- compared.
--   earlier_judgement             the earlier judgement (NULL: not held)
--   change                        improved, declined or retained (NULL: a judgement compared
--                                 is not held)
--   n                             how many LAs
--   retained_good_or_outstanding  of those, LAs that kept a good or outstanding judgement
--   improved_by_two               of those, LAs that improved by two grades or more
--   declined_by_two               of those, LAs that declined by two grades or more
CREATE OR REPLACE MACRO change_summary(day) AS TABLE
WITH compared AS (
    SELECT judgement_name(change_earlier_code) AS earlier_judgement,
           judgement_name(change_latest_code) AS latest_judgement,
           change_between(change_earlier_code, change_latest_code) AS change,
           grades_improved(change_earlier_code, change_latest_code) AS grades_improved,
           n
    FROM as_at_snapshot
    WHERE as_at_date = day AND change_latest_code IS NOT NULL
)
SELECT
    earlier_judgement, change,
    sum(n) AS n,
    coalesce(sum(n) FILTER (WHERE change = 'retained'
                            AND latest_judgement IN ('outstanding', 'good')), 0)
        AS retained_good_or_outstanding,
    coalesce(sum(n) FILTER (WHERE grades_improved >= 2), 0) AS improved_by_two,
    coalesce(sum(n) FILTER (WHERE grades_improved <= -2), 0) AS declined_by_two
FROM compared
GROUP BY ALL;
