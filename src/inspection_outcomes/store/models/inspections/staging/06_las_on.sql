-- The local authorities that exist on a day. Structural changes (methodology, "coherence
-- and comparability": LAs combined or split) are rows of the LA table with the dates they
-- are valid between.
--
-- macro exists_on(valid_from, valid_to, day): true when a row valid between the two dates
-- (NULL: open-ended) exists on the day.
CREATE OR REPLACE MACRO exists_on(valid_from, valid_to, day) AS
(valid_from IS NULL OR valid_from <= day) AND (valid_to IS NULL OR day <= valid_to);

-- table macro las_on(day): the rows of local_authorities that exist on the day.
--   la_id        the LA's row in the LA table (the key the event facts carry)
--   la_code      GSS code of the LA
--   old_la_code  the LA's old 3-digit code
--   name         the LA's name
--   region       its Ofsted region
--   valid_from   the first day it exists (NULL: since before the records)
--   valid_to     the last day it exists (NULL: it still exists)
CREATE OR REPLACE MACRO las_on(day) AS TABLE
SELECT *
FROM local_authorities
WHERE exists_on(valid_from, valid_to, day);
