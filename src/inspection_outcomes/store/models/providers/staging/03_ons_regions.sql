-- The ONS region of a provider, for the tidy files (EES lists ONS regions, not Ofsted's),
-- filled by store/providers.py from model/data (local_authorities.csv, ees_geography.csv).
--
-- table la_ons_regions: every name and alias of an LA, with its ONS region.
--   local_authority  an LA name as the provider data may write it
--   region_code      the ONS region code (E12...)
--   region_name      its name as EES lists it
CREATE TABLE la_ons_regions (local_authority VARCHAR, region_code VARCHAR, region_name VARCHAR);

-- table ofsted_ons_regions: the Ofsted regions that are one ONS region (all but "North East,
-- Yorkshire and the Humber"), for a provider whose LA area is not named.
--   ofsted_region  the Ofsted region
--   region_code    its ONS region code
--   region_name    its name as EES lists it
CREATE TABLE ofsted_ons_regions (ofsted_region VARCHAR, region_code VARCHAR, region_name VARCHAR);
