-- Graded inspections (standard and short; SIF and CPI before ILACS), which every as-at rule
-- reads: the event facts that are graded, kept apart so that those rules scan half as much.
-- What an inspection's framework version judges is read from its kind where a rule needs it
-- (gives_overall, is_ilacs_graded, gives_care_leavers: macros made from the framework
-- versions).
-- Comparability (methodology, "coherence and comparability"): the sub-judgements of the
-- frameworks before ILACS judge other things under similar names, so only their overall
-- effectiveness takes part; the ILACS areas come from ILACS inspections (is_ilacs_graded).
-- The order of its rows is never read (every rule groups or joins them, and lists people
-- read are ordered by their own columns), so DuckDB may copy them in any order: a third
-- less work than keeping the order of the facts.
SET preserve_insertion_order = false;
CREATE OR REPLACE TABLE graded_inspections AS
SELECT la_id, event_row, took_place, publication_date, kind, recency
FROM event_facts
WHERE is_graded(kind);
RESET preserve_insertion_order;
