-- The framework mix: for the LAs existing at a date, the framework version of each one's most
-- recent included graded inspection (any graded inspection: from April 2026 one may give no
-- overall effectiveness), counted. It says how much of an as-at figure rests on inspections
-- under frameworks before ILACS, whose judgements are not directly comparable with ILACS.
--
-- table macro as_at_framework_mix(as_at, cutoff): one row for each framework version.
--   framework  the framework version (model/data/frameworks.csv)
--   n          how many LAs existing at `as_at` have their most recent inspection under it
CREATE OR REPLACE MACRO as_at_framework_mix(as_at, cutoff) AS TABLE
WITH latest AS (
    SELECT la_id, arg_max(kind, recency) AS kind
    FROM graded_inspections
    WHERE included(took_place, publication_date, as_at, cutoff)
    GROUP BY la_id
)
SELECT kind_framework(l.kind) AS framework, count(*) AS n
FROM local_authorities AS la
JOIN latest AS l ON l.la_id = la.la_id
WHERE exists_on(la.valid_from, la.valid_to, as_at)
GROUP BY ALL
ORDER BY framework;
