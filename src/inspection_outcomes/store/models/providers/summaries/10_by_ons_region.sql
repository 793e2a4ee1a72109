-- Latest overall judgement, providers and places by ONS region (the tidy files' regions):
-- a provider's ONS region is that of its LA area, or the one ONS region of its Ofsted region
-- when the area is not named (staging la_ons_regions, ofsted_ons_regions). Providers in
-- Wales have none and count in no region.
--
-- table by_ons_region_latest: providers by ONS region and the judgement at their latest
-- full inspection (latest_judgements).
--   region_code  the ONS region code
--   grp          the provider group
--   judgement    the judgement, on the group's scale
--   providers    how many providers
CREATE OR REPLACE TABLE by_ons_region_latest AS
SELECT coalesce(l.region_code, o.region_code) AS region_code, j.grp, j.judgement,
       count(*) AS providers
FROM latest_judgements AS j
LEFT JOIN la_ons_regions AS l USING (local_authority)
LEFT JOIN ofsted_ons_regions AS o USING (ofsted_region)
WHERE j.judgement IS NOT NULL AND coalesce(l.region_code, o.region_code) IS NOT NULL
GROUP BY ALL
ORDER BY ALL;

-- table by_ons_region_register: the providers and places table by ONS region.
--   region_code  the ONS region code
--   grp          the provider group
--   providers    how many providers
--   places       their registered places (NULL: none recorded)
CREATE OR REPLACE TABLE by_ons_region_register AS
SELECT coalesce(l.region_code, o.region_code) AS region_code, g.grp, count(*) AS providers,
       sum(r.places) AS places
FROM register_analysed AS r
JOIN group_members AS g USING (provision_type)
LEFT JOIN la_ons_regions AS l USING (local_authority)
LEFT JOIN ofsted_ons_regions AS o USING (ofsted_region)
WHERE coalesce(l.region_code, o.region_code) IS NOT NULL
GROUP BY ALL
ORDER BY ALL;
