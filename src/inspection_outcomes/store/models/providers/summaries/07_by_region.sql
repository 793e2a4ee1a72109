-- Latest overall judgement, providers and places by Ofsted region.
--
-- table by_region_latest: providers by region and the judgement at their latest full
-- inspection (latest_judgements).
--   region     the Ofsted region
--   grp        the provider group
--   judgement  the judgement, on the group's scale
--   providers  how many providers
CREATE OR REPLACE TABLE by_region_latest AS
SELECT ofsted_region AS region, grp, judgement, count(*) AS providers
FROM latest_judgements
WHERE judgement IS NOT NULL AND ofsted_region IS NOT NULL
GROUP BY ALL
ORDER BY ALL;

-- table by_region_register: the providers and places table by region.
--   region     the Ofsted region
--   grp        the provider group
--   providers  how many providers
--   places     their registered places (NULL: none recorded)
CREATE OR REPLACE TABLE by_region_register AS
SELECT r.ofsted_region AS region, g.grp, count(*) AS providers, sum(r.places) AS places
FROM register_analysed AS r
JOIN group_members AS g USING (provision_type)
WHERE r.ofsted_region IS NOT NULL
GROUP BY ALL
ORDER BY ALL;
