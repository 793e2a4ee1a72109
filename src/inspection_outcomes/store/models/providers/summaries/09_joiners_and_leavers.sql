-- Providers that joined (became active) or left (resigned, closed, cancelled) the register in
-- the period of the joiners and leavers table, with their places. A provider that both
-- joined and left in the period counts in both.
--
-- table joiners_and_leavers: the joiners and leavers table by group.
--   grp            the provider group
--   joiners        how many providers joined
--   leavers        how many providers left
--   joiner_places  the joiners' places (NULL: none recorded)
--   leaver_places  the leavers' places (NULL: none recorded)
CREATE OR REPLACE TABLE joiners_and_leavers AS
SELECT g.grp,
       count(*) FILTER (WHERE j.joiner) AS joiners,
       count(*) FILTER (WHERE j.leaver) AS leavers,
       sum(j.places) FILTER (WHERE j.joiner) AS joiner_places,
       sum(j.places) FILTER (WHERE j.leaver) AS leaver_places
FROM joiners_leavers AS j
JOIN group_members AS g USING (provision_type)
GROUP BY g.grp
ORDER BY g.grp;
