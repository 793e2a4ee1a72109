-- table macro as_at_counts(day): judgement counts as at a date of the snapshot, by area and
-- region (LAs whose most recent judgement in an area the source does not hold have no
-- judgement there).
--   area       overall_effectiveness, impact_of_leaders, help_and_protection,
--              children_in_care or care_leavers
--   region     Ofsted region
--   judgement  outstanding, good, requires_improvement or inadequate
--   n          how many LAs
CREATE OR REPLACE MACRO as_at_counts(day) AS TABLE
SELECT area, region, judgement_name(code) AS judgement, sum(n) AS n
FROM (UNPIVOT (SELECT region, overall_effectiveness, impact_of_leaders, help_and_protection,
                      children_in_care, care_leavers, n
               FROM as_at_snapshot
               WHERE as_at_date = day)
      ON overall_effectiveness, impact_of_leaders, help_and_protection, children_in_care,
         care_leavers
      INTO NAME area VALUE code)
WHERE code > 0
GROUP BY ALL;
