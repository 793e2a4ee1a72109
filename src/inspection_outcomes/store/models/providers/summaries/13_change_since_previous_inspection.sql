-- Change since the previous inspection: for each provider whose data give the overall
-- judgement of the full inspection before its latest, whether the latest is better, the
-- same or worse (outstanding best, inadequate worst), on the four-point scale, as at
-- settings.as_at (latest_judgements). Providers with one full inspection only are not
-- counted.
--
-- table change_since_previous_inspection: providers by group and direction of change.
--   grp        the provider group (four-point scale groups only)
--   change     improved, same or declined
--   providers  how many providers
CREATE OR REPLACE TABLE change_since_previous_inspection AS
WITH ranked AS (
    SELECT l.grp,
           list_position(['outstanding', 'good', 'requires_improvement', 'inadequate'],
                         l.overall) AS latest_rank,
           list_position(['outstanding', 'good', 'requires_improvement', 'inadequate'],
                         l.previous_overall) AS previous_rank
    FROM latest_judgements AS l
    JOIN group_members AS g USING (provision_type, grp)
    WHERE g.scale = 'four_point'
)
SELECT grp,
       CASE WHEN latest_rank < previous_rank THEN 'improved'
            WHEN latest_rank = previous_rank THEN 'same'
            ELSE 'declined' END AS change,
       count(*) AS providers
FROM ranked
WHERE latest_rank IS NOT NULL AND previous_rank IS NOT NULL
GROUP BY ALL
ORDER BY grp, change;
