-- Graded judgements, one row per inspection and judgement area that its framework version
-- gives. A NULL judgement is one the framework gives but the source does not hold (unreadable).
-- Comparability (methodology, "coherence and comparability"): the sub-judgements of the
-- frameworks before ILACS (SIF, CPI) judge other things under similar names, so only their
-- overall effectiveness takes part; the ILACS areas come from ILACS inspections only.
CREATE OR REPLACE TABLE graded_judgements AS
SELECT
    i.event_id, i.la_code, i.event_type, i.framework, i.took_place, i.start_date, i.end_date,
    i.publication_date, a.area,
    CASE a.area
        WHEN 'overall_effectiveness' THEN i.overall_effectiveness
        WHEN 'impact_of_leaders' THEN i.impact_of_leaders
        WHEN 'help_and_protection' THEN i.help_and_protection
        WHEN 'children_in_care' THEN i.children_in_care
        WHEN 'care_leavers' THEN i.care_leavers
    END AS judgement
FROM inspection_events AS i
JOIN frameworks AS f ON f.framework = i.framework
JOIN judgement_areas AS a ON list_contains(f.judgements, a.area)
WHERE list_contains(f.graded_event_types, i.event_type)
  AND (a.area = 'overall_effectiveness' OR f.framework LIKE 'ilacs%');
