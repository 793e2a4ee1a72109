-- The sector each record counts in for analysis.
-- Ofsted's methodology: children's homes run by trusts or other bodies on behalf of an LA are
-- recorded as voluntary in the data but treated as LA homes in the analysis. With the rule
-- on (settings.trusts_as_la), a record marked la_trust and recorded as voluntary counts as
-- local_authority; otherwise the recorded sector stands.
CREATE OR REPLACE VIEW providers_analysed AS
SELECT p.*,
       CASE WHEN s.trusts_as_la AND p.la_trust AND p.sector = 'voluntary'
            THEN 'local_authority' ELSE p.sector END AS analysis_sector
FROM providers AS p CROSS JOIN settings AS s;

CREATE OR REPLACE VIEW register_analysed AS
SELECT r.*,
       CASE WHEN s.trusts_as_la AND r.la_trust AND r.sector = 'voluntary'
            THEN 'local_authority' ELSE r.sector END AS analysis_sector
FROM register AS r CROSS JOIN settings AS s;

CREATE OR REPLACE VIEW events_analysed AS
SELECT e.*,
       CASE WHEN s.trusts_as_la AND e.la_trust AND e.sector = 'voluntary'
            THEN 'local_authority' ELSE e.sector END AS analysis_sector
FROM provider_events AS e CROSS JOIN settings AS s;
