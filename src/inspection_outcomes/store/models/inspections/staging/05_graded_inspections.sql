-- Graded inspections (standard and short; SIF and CPI before ILACS), which every as-at rule
-- reads: the event facts that are graded. A view, not a copy: the rules that read it scan
-- the facts with this filter, which costs less than copying half of them (at ten million
-- events, 150 MB less memory and a sixth fewer page faults, figures byte-identical).
-- What an inspection's framework version judges is read from its kind where a rule needs it
-- (gives_overall, is_ilacs_graded, gives_care_leavers: macros made from the framework
-- versions).
-- Comparability (methodology, "coherence and comparability"): the sub-judgements of the
-- frameworks before ILACS judge other things under similar names, so only their overall
-- effectiveness takes part; the ILACS areas come from ILACS inspections (is_ilacs_graded).
--
-- view graded_inspections: one row for each graded inspection, from event_facts.
--   la_id             the LA's row in local_authorities
--   event_row         where the whole record is in `events`
--   took_place        the start date, else the publication date
--   publication_date  the day the report was published
--   kind              the (framework version, event type) pair as one number (event_facts)
--   recency           the inspection's recency key, with its judgements (event_facts)
CREATE OR REPLACE VIEW graded_inspections AS
SELECT la_id, event_row, took_place, publication_date, kind, recency
FROM event_facts
WHERE is_graded(kind);
