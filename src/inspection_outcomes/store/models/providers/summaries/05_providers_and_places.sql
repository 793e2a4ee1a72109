-- Active providers and their registered places, from the providers and places table: every
-- provider listed there, registration active or suspended (a suspended provider stays
-- registered).
-- Places are summed where the provision type has them; a group none of whose providers
-- records places gets NULL (no figure), not 0.
--
-- table providers_and_places: the providers and places table by group.
--   grp        the provider group
--   providers  how many providers
--   places     their registered places (NULL: none recorded)
CREATE OR REPLACE TABLE providers_and_places AS
SELECT g.grp, count(*) AS providers, sum(r.places) AS places
FROM register_analysed AS r
JOIN group_members AS g USING (provision_type)
GROUP BY g.grp
ORDER BY g.grp;
