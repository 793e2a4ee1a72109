-- Inspection events as people read them: the source's records with a type, their framework
-- version and the day they took place. Lists (the QA report, revisions, the release's tables)
-- read this view; the figures read the compact event facts (staging/03_event_facts). Records
-- with no event type (the source could not say what they were) take part in no figure; they
-- are listed as anomalies until the corrections ledger supplies the type.
--
-- view inspection_events: one row for each record of `events` that has an event type.
--   event_id               the record's identifier in its source (each used once)
--   la_code                GSS code of the LA inspected, as the record gives it
--   event_type             standard_inspection, short_inspection, focused_visit,
--                          monitoring_visit, sif_inspection or cpi_inspection
--   framework              the framework version: the record's own, else the version in force
--                          on the start date (framework_on, made from the framework versions)
--   start_date             first day of the inspection or visit
--   end_date               last day of the inspection or visit
--   publication_date       the day the report or letter was published
--   overall_effectiveness  judgement as the record gives it: outstanding, good,
--                          requires_improvement, inadequate, or empty where not given
--   impact_of_leaders      judgement: impact of leaders on social work practice
--   help_and_protection    judgement: children who need help and protection
--   children_in_care       judgement: children in care (ILACS 2018: children in care and care
--                          leavers; SIF: children looked after and achieving permanence)
--   care_leavers           judgement: care leavers (ILACS from January 2023; SIF)
--   themes                 a focused visit's themes, separated by ';'
--   source_file            the file the record was read from
--   source_row             its row (1-based, the header is row 1) or page in that file
--   event_row              the record's position in `events`
--   took_place             the start date; for reports before ILACS whose dates the source
--                          could not read, the publication date (the latest the inspection
--                          can have taken place)
CREATE OR REPLACE VIEW inspection_events AS
SELECT
    event_id, la_code, event_type,
    coalesce(NULLIF(framework, ''), framework_on(start_date)) AS framework,
    start_date, end_date, publication_date,
    overall_effectiveness, impact_of_leaders, help_and_protection, children_in_care,
    care_leavers, themes, source_file, source_row, event_row,
    coalesce(start_date, publication_date) AS took_place
FROM events
WHERE event_type IS NOT NULL AND event_type <> '';
