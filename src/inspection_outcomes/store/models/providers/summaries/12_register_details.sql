-- What the register says of each group beyond providers and places: children's homes that
-- offer short breaks only, homes of more than one building, and supported accommodation's
-- premises (one provider may run many). Counted over the same register as
-- providers_and_places; publications/providers/figures.py reports each only where the
-- source records its column.
--
-- table register_details: the register by group.
--   grp                     the provider group
--   short_break_only        homes offering short breaks only
--   short_break_only_places their registered places
--   multi_building          homes of more than one building
--   multi_building_places   their registered places
--   premises                supported accommodation premises (NULL: none recorded)
CREATE OR REPLACE TABLE register_details AS
SELECT g.grp,
       count(*) FILTER (WHERE r.short_break_only) AS short_break_only,
       coalesce(sum(r.places) FILTER (WHERE r.short_break_only), 0) AS short_break_only_places,
       count(*) FILTER (WHERE r.multi_building) AS multi_building,
       coalesce(sum(r.places) FILTER (WHERE r.multi_building), 0) AS multi_building_places,
       sum(r.sa_premises) AS premises
FROM register_analysed AS r
JOIN group_members AS g USING (provision_type)
GROUP BY g.grp
ORDER BY g.grp;
