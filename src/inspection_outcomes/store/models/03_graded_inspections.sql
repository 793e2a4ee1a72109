-- Graded inspections (standard and short; SIF and CPI before ILACS), which every as-at rule
-- reads: the event facts that are graded, kept apart so that those rules scan half as much,
-- with what their framework version judges.
-- Comparability (methodology, "coherence and comparability"): the sub-judgements of the
-- frameworks before ILACS judge other things under similar names, so only their overall
-- effectiveness takes part; the ILACS areas come from ILACS inspections (`ilacs`).
CREATE OR REPLACE TABLE graded_inspections AS
SELECT la_id, event_row, took_place, publication_date,
       gives_overall(kind) AS gives_overall,
       is_ilacs_graded(kind) AS ilacs,
       gives_care_leavers(kind) AS gives_care_leavers,
       recency
FROM event_facts
WHERE is_graded(kind);
