-- Graded inspections (standard and short; SIF and CPI before ILACS), with what their framework
-- version judges. Comparability (methodology, "coherence and comparability"): the
-- sub-judgements of the frameworks before ILACS judge other things under similar names, so
-- only their overall effectiveness takes part; the ILACS areas come from ILACS inspections.
CREATE OR REPLACE TABLE graded_inspections AS
SELECT
    i.*,
    list_contains(f.judgements, 'overall_effectiveness') AS gives_overall,
    f.framework LIKE 'ilacs%' AS ilacs,
    f.framework LIKE 'ilacs%' AND list_contains(f.judgements, 'care_leavers')
        AS gives_care_leavers
FROM inspection_events AS i
JOIN frameworks AS f ON f.framework = i.framework
WHERE list_contains(f.graded_event_types, i.event_type);
