-- table focused_visit_themes: the text of each set of focused visit themes, by its hash (the
-- event facts carry the hash).
--   themes_hash  a hash of the themes, as event_facts.themes_hash
--   themes       the themes, separated by ';'
CREATE OR REPLACE TABLE focused_visit_themes AS
SELECT DISTINCT hash(themes) AS themes_hash, themes
FROM events
WHERE themes IS NOT NULL;
