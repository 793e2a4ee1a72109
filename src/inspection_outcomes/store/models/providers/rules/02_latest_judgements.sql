-- The latest judgement: each provider's overall judgement at its latest full inspection, as at
-- settings.as_at, once for every group its provision type belongs to (one row per provider of
-- the provider-level list and group). Supported accommodation is judged on its own scale
-- (sa_outcome); every other group on overall experiences and progress of children and young
-- people. Providers not yet inspected have no judgement and are not counted.
--
-- table latest_judgements: one row for each provider inspected by settings.as_at and each
-- group of its provision type.
--   *providers_analysed  every column of providers_analysed, in its order
--   grp                  the group
--   judgement            the latest full inspection's judgement on the group's scale (NULL:
--                        none given)
CREATE OR REPLACE TABLE latest_judgements AS
SELECT p.*,
       g.grp,
       CASE g.scale WHEN 'supported_accommodation' THEN p.sa_outcome ELSE p.overall END
           AS judgement
FROM providers_analysed AS p
JOIN group_members AS g USING (provision_type)
CROSS JOIN settings AS s
WHERE p.latest_inspection_date <= s.as_at;
