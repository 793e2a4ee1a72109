-- The sector each record counts in for analysis.
-- Ofsted's methodology: children's homes run by trusts or other bodies on behalf of an LA are
-- recorded as voluntary in the data but treated as LA homes in the analysis. With the rule
-- on (settings.trusts_as_la), a record marked la_trust and recorded as voluntary counts as
-- local_authority; otherwise the recorded sector stands.
--
-- view providers_analysed: the provider-level list with each provider's analysis sector.
--   *providers       every column of providers, in its order
--   analysis_sector  the sector the provider counts in for analysis
CREATE OR REPLACE VIEW providers_analysed AS
SELECT p.*,
       CASE WHEN s.trusts_as_la AND p.la_trust AND p.sector = 'voluntary'
            THEN 'local_authority' ELSE p.sector END AS analysis_sector
FROM providers AS p CROSS JOIN settings AS s;

-- view register_analysed: the providers and places table, with each analysis sector.
--   *register        every column of register, in its order
--   analysis_sector  the sector the provider counts in for analysis
CREATE OR REPLACE VIEW register_analysed AS
SELECT r.*,
       CASE WHEN s.trusts_as_la AND r.la_trust AND r.sector = 'voluntary'
            THEN 'local_authority' ELSE r.sector END AS analysis_sector
FROM register AS r CROSS JOIN settings AS s;

-- view events_analysed: the in-year inspections and visits, with each analysis sector.
--   *provider_events  every column of provider_events, in its order
--   analysis_sector   the sector the provider counts in for analysis
CREATE OR REPLACE VIEW events_analysed AS
SELECT e.*,
       CASE WHEN s.trusts_as_la AND e.la_trust AND e.sector = 'voluntary'
            THEN 'local_authority' ELSE e.sector END AS analysis_sector
FROM provider_events AS e CROSS JOIN settings AS s;
