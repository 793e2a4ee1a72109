-- table latest_overall_effectiveness: providers by the judgement at their latest full
-- inspection, as at settings.as_at (latest_judgements), counted once in every group their
-- provision type belongs to.
--   grp        the provider group
--   judgement  the judgement, on the group's scale
--   providers  how many providers
CREATE OR REPLACE TABLE latest_overall_effectiveness AS
SELECT grp, judgement, count(*) AS providers
FROM latest_judgements
WHERE judgement IS NOT NULL
GROUP BY grp, judgement
ORDER BY grp, judgement;
