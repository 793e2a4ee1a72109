-- Latest overall judgement, providers and places by local authority area, for the two
-- headline groups (all providers; all children's homes).
--
-- table by_la_latest: providers by LA area and the judgement at their latest full inspection
-- (latest_judgements).
--   local_authority  the local authority area
--   grp              all_providers or all_childrens_homes
--   judgement        the judgement, on the group's scale
--   providers        how many providers
CREATE OR REPLACE TABLE by_la_latest AS
SELECT local_authority, grp, judgement, count(*) AS providers
FROM latest_judgements
WHERE judgement IS NOT NULL AND local_authority IS NOT NULL
  AND grp IN ('all_providers', 'all_childrens_homes')
GROUP BY ALL
ORDER BY ALL;

-- table by_la_register: the providers and places table by LA area.
--   local_authority  the local authority area
--   grp              all_providers or all_childrens_homes
--   providers        how many providers
--   places           their registered places (NULL: none recorded)
CREATE OR REPLACE TABLE by_la_register AS
SELECT r.local_authority, g.grp, count(*) AS providers, sum(r.places) AS places
FROM register_analysed AS r
JOIN group_members AS g USING (provision_type)
WHERE r.local_authority IS NOT NULL AND g.grp IN ('all_providers', 'all_childrens_homes')
GROUP BY ALL
ORDER BY ALL;
