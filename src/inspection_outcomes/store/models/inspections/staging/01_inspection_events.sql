-- Inspection events as people read them: the records with a type, their framework version
-- and the day they took place. Lists (the QA report, revisions, the release's tables) read
-- this view; the figures read the compact event facts (staging/03_event_facts).
-- framework: the record's own, else the version in force on the start date
--            (framework_on: built from the reference table of framework versions).
-- took_place: the start date; for reports before ILACS whose dates the source could not read,
--            the publication date (the latest the inspection can have taken place).
-- Records with no event type (the source could not say what they were) take part in no
-- figure; they are listed as anomalies until the corrections ledger supplies the type.
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
