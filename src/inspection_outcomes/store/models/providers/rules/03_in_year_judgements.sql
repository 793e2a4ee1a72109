-- The in-year period: the events whose inspection date is in the period (settings.period_start
-- to settings.period_end, both inclusive), once for every group their provision type belongs
-- to, with the judgement on the group's scale. Every event in the in-year table is a
-- published inspection or visit. A full inspection is the event that gives the judgements:
-- it counts in the in-year judgement figures when it carries a judgement on its group's
-- scale. Assurance visits and monitoring inspections give none and drop out; the few
-- monitoring inspections that the data record with a full set of judgements count, as
-- Ofsted's own "latest full inspection" column counts them.
--
-- table in_year_judgements: one row for each event of the period and each group of its
-- provision type.
--   *events_analysed  every column of events_analysed, in its order
--   grp               the group
--   judgement         the event's judgement on the group's scale (NULL: none given)
CREATE OR REPLACE TABLE in_year_judgements AS
SELECT e.*,
       g.grp,
       CASE g.scale WHEN 'supported_accommodation' THEN e.sa_outcome ELSE e.overall END
           AS judgement
FROM events_analysed AS e
JOIN group_members AS g USING (provision_type)
CROSS JOIN settings AS s
WHERE e.inspection_date BETWEEN s.period_start AND s.period_end;
