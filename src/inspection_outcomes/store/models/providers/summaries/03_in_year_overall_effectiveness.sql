-- table in_year_overall_effectiveness: full inspections carried out in the period
-- (in_year_judgements), by judgement.
--   grp          the provider group
--   judgement    the judgement, on the group's scale
--   inspections  how many inspections
CREATE OR REPLACE TABLE in_year_overall_effectiveness AS
SELECT grp, judgement, count(*) AS inspections
FROM in_year_judgements
WHERE judgement IS NOT NULL
GROUP BY grp, judgement
ORDER BY grp, judgement;
