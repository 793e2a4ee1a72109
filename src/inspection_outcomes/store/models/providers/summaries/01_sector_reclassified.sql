-- table sector_reclassified: providers whose sector the sector rule changed (reported with
-- the figures).
--   providers  how many providers of the provider-level list
CREATE OR REPLACE TABLE sector_reclassified AS
SELECT count(*) AS providers
FROM providers_analysed
WHERE analysis_sector IS DISTINCT FROM sector;
