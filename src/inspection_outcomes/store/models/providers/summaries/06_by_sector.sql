-- Latest overall judgement, providers and places by sector (after the sector rule).
--
-- table by_sector_latest: providers by sector and the judgement at their latest full
-- inspection (latest_judgements).
--   sector     the analysis sector
--   grp        the provider group
--   judgement  the judgement, on the group's scale
--   providers  how many providers
CREATE OR REPLACE TABLE by_sector_latest AS
SELECT analysis_sector AS sector, grp, judgement, count(*) AS providers
FROM latest_judgements
WHERE judgement IS NOT NULL AND analysis_sector IS NOT NULL
GROUP BY ALL
ORDER BY ALL;

-- table by_sector_register: the providers and places table by sector.
--   sector     the analysis sector
--   grp        the provider group
--   providers  how many providers
--   places     their registered places (NULL: none recorded)
CREATE OR REPLACE TABLE by_sector_register AS
SELECT r.analysis_sector AS sector, g.grp, count(*) AS providers, sum(r.places) AS places
FROM register_analysed AS r
JOIN group_members AS g USING (provision_type)
WHERE r.analysis_sector IS NOT NULL
GROUP BY ALL
ORDER BY ALL;
