-- The text of each set of focused visit themes, by its hash.
CREATE OR REPLACE TABLE focused_visit_themes AS
SELECT DISTINCT hash(themes) AS themes_hash, themes
FROM events
WHERE themes IS NOT NULL;
