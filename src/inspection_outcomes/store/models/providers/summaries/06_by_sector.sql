-- Latest overall judgement, providers and places by sector (after the sector rule).
CREATE OR REPLACE TABLE by_sector_latest AS
SELECT analysis_sector AS sector, grp, judgement, count(*) AS providers
FROM latest_judgements
WHERE judgement IS NOT NULL AND analysis_sector IS NOT NULL
GROUP BY ALL
ORDER BY ALL;

CREATE OR REPLACE TABLE by_sector_register AS
SELECT r.analysis_sector AS sector, g.grp, count(*) AS providers, sum(r.places) AS places
FROM register_analysed AS r
JOIN group_members AS g USING (provision_type)
WHERE r.analysis_sector IS NOT NULL
GROUP BY ALL
ORDER BY ALL;
