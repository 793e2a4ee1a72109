-- Latest overall judgement, providers and places by Ofsted region.
CREATE OR REPLACE TABLE by_region_latest AS
SELECT ofsted_region AS region, grp, judgement, count(*) AS providers
FROM latest_judgements
WHERE judgement IS NOT NULL AND ofsted_region IS NOT NULL
GROUP BY ALL
ORDER BY ALL;

CREATE OR REPLACE TABLE by_region_register AS
SELECT r.ofsted_region AS region, g.grp, count(*) AS providers, sum(r.places) AS places
FROM register_analysed AS r
JOIN group_members AS g USING (provision_type)
WHERE r.ofsted_region IS NOT NULL
GROUP BY ALL
ORDER BY ALL;
