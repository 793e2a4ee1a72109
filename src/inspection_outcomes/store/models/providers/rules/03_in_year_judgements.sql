-- The in-year period: the events whose inspection date is in the period, once for every group
-- their provision type belongs to, with the judgement on the group's scale. Every event in the
-- in-year table is a published inspection or visit. A full inspection is the event that gives
-- the judgements: an event counts when its inspection date is in the period and it carries a
-- judgement on its group's scale. Assurance visits and monitoring inspections give none and
-- drop out; the few monitoring inspections that the data record with a full set of judgements
-- count, as Ofsted's own "latest full inspection" column counts them.
CREATE OR REPLACE TABLE in_year_judgements AS
SELECT e.*,
       g.grp,
       CASE g.scale WHEN 'supported_accommodation' THEN e.sa_outcome ELSE e.overall END
           AS judgement
FROM events_analysed AS e
JOIN group_members AS g USING (provision_type)
CROSS JOIN settings AS s
WHERE e.inspection_date BETWEEN s.period_start AND s.period_end;
