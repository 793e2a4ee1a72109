-- Latest overall judgement, providers and places by local authority area, for the two
-- headline groups (all providers; all children's homes).
CREATE OR REPLACE TABLE by_la_latest AS
SELECT local_authority, grp, judgement, count(*) AS providers
FROM latest_judgements
WHERE judgement IS NOT NULL AND local_authority IS NOT NULL
  AND grp IN ('all_providers', 'all_childrens_homes')
GROUP BY ALL
ORDER BY ALL;

CREATE OR REPLACE TABLE by_la_register AS
SELECT r.local_authority, g.grp, count(*) AS providers, sum(r.places) AS places
FROM register_analysed AS r
JOIN group_members AS g USING (provision_type)
WHERE r.local_authority IS NOT NULL AND g.grp IN ('all_providers', 'all_childrens_homes')
GROUP BY ALL
ORDER BY ALL;
