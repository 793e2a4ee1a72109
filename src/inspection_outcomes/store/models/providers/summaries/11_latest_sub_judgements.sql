-- The judgements behind the headline: under the SCCIF, each full inspection of a children's
-- home (and of the other groups on the four-point scale) gives three judgements: the overall
-- experiences and progress of children and young people (the headline), how well children
-- and young people are helped and protected, and the effectiveness of leaders and managers.
-- Counted at each provider's latest full inspection as at settings.as_at (latest_judgements).
--
-- table latest_sub_judgements: providers by group, sub-judgement and judgement.
--   grp             the provider group (four-point scale groups only)
--   sub_judgement   overall, help_and_protection or leaders_and_managers
--   judgement       outstanding, good, requires_improvement or inadequate
--   providers       how many providers
CREATE OR REPLACE TABLE latest_sub_judgements AS
WITH four_point AS (
    SELECT l.*
    FROM latest_judgements AS l
    JOIN group_members AS g USING (provision_type, grp)
    WHERE g.scale = 'four_point'
)
SELECT grp, sub_judgement, judgement, count(*) AS providers
FROM (
    SELECT grp, 'overall' AS sub_judgement, overall AS judgement FROM four_point
    UNION ALL
    SELECT grp, 'help_and_protection', help_and_protection FROM four_point
    UNION ALL
    SELECT grp, 'leaders_and_managers', leaders_and_managers FROM four_point
)
WHERE judgement IS NOT NULL
GROUP BY ALL
ORDER BY grp, sub_judgement, judgement;
