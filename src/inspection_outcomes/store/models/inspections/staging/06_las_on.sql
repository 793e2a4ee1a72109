-- The local authorities that exist on a day (structural changes are rows with valid dates).
CREATE OR REPLACE MACRO exists_on(valid_from, valid_to, day) AS
(valid_from IS NULL OR valid_from <= day) AND (valid_to IS NULL OR day <= valid_to);

CREATE OR REPLACE MACRO las_on(day) AS TABLE
SELECT *
FROM local_authorities
WHERE exists_on(valid_from, valid_to, day);
