-- Full inspections carried out in the period, by overall judgement.
-- Every event in the in-year table is a published inspection or visit. A full inspection is
-- the event that gives the judgements: an event counts when its inspection date is in the
-- period and it carries a judgement on its group's scale. Assurance visits and monitoring
-- inspections give none and drop out; the few monitoring inspections that the data record
-- with a full set of judgements count, as Ofsted's own "latest full inspection" column
-- counts them.
CREATE OR REPLACE TABLE in_year_judgements AS
SELECT e.*,
       g.grp,
       CASE g.scale WHEN 'supported_accommodation' THEN e.sa_outcome ELSE e.overall END
           AS judgement
FROM events_analysed AS e
JOIN group_members AS g USING (provision_type)
CROSS JOIN settings AS s
WHERE e.inspection_date BETWEEN s.period_start AND s.period_end;

CREATE OR REPLACE TABLE in_year_overall_effectiveness AS
SELECT grp, judgement, count(*) AS inspections
FROM in_year_judgements
WHERE judgement IS NOT NULL
GROUP BY grp, judgement
ORDER BY grp, judgement;

-- All events in the period by type (context for the in-year figures).
CREATE OR REPLACE TABLE in_year_events_by_type AS
SELECT grp, event_type, count(*) AS events
FROM in_year_judgements
GROUP BY grp, event_type
ORDER BY grp, event_type;
