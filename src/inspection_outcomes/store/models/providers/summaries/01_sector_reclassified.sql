-- Providers whose sector the rule changed (reported with the figures).
CREATE OR REPLACE TABLE sector_reclassified AS
SELECT count(*) AS providers
FROM providers_analysed
WHERE analysis_sector IS DISTINCT FROM sector;
