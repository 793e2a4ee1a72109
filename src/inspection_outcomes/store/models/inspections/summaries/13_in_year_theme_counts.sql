-- table macro in_year_theme_counts(): the period's focused visits (in_year_snapshot), by
-- theme (a visit may have more than one theme).
--   theme  a theme, as the records name it
--   n      how many visits had it
CREATE OR REPLACE MACRO in_year_theme_counts() AS TABLE
WITH theme_sets AS (
    SELECT t.themes, count(*) AS n
    FROM in_year_snapshot AS v
    JOIN focused_visit_themes AS t ON t.themes_hash = v.themes_hash
    WHERE v.event_type = 'focused_visit'
    GROUP BY ALL
)
SELECT trim(theme) AS theme, sum(n) AS n
FROM (SELECT unnest(string_split(themes, ';')) AS theme, n FROM theme_sets)
WHERE trim(theme) <> ''
GROUP BY ALL;
