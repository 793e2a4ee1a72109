-- Inspection events as the rules see them.
-- framework: the record's own, else the version in force on the start date
--            (framework_on: built from the reference table of framework versions).
-- took_place: the start date; for reports before ILACS whose dates the source could not read,
--            the publication date (the latest the inspection can have taken place).
-- order_key: "which is more recent", as one number so the latest can be taken in one pass:
--            the start date, then the end date, then the publication date, then (only for
--            inspections identical in all three) a hash of the event id, so the choice is
--            always the same.
-- ilacs_inadequate_sub_judgements: how many ILACS sub-judgements are inadequate.
-- Records with no event type (the source could not say what they were) take part in no
-- figure; they are listed as anomalies until the corrections ledger supplies the type.
-- A view: the records stay where the source holds them (a Parquet file is read column by
-- column); graded inspections, which the rules read many times, are a table (02).
-- Only the columns the rules and outputs use are kept (names come from the LA table).
CREATE OR REPLACE VIEW inspection_events AS
WITH typed AS (
    SELECT e.*, coalesce(e.framework, framework_on(e.start_date)) AS framework_version,
           coalesce(e.start_date, e.publication_date) AS took_place
    FROM events AS e
    WHERE e.event_type IS NOT NULL AND e.event_type <> ''
)
SELECT
    event_id, la_code, event_type, framework_version AS framework,
    start_date, end_date, publication_date,
    overall_effectiveness, impact_of_leaders, help_and_protection, children_in_care,
    care_leavers, themes, source_file, source_row, took_place,
    (CAST(date_diff('day', DATE '1970-01-01', took_place) AS HUGEINT) * 4194304
        + least(greatest(coalesce(date_diff('day', took_place, end_date), 0), 0), 2047) * 2048
        + least(greatest(date_diff('day', took_place, publication_date), 0), 2047))
        * 18446744073709551616 + hash(event_id) AS order_key,
    CASE WHEN framework_version LIKE 'ilacs%' THEN
        CAST(impact_of_leaders = 'inadequate' AS INTEGER)
        + CAST(help_and_protection = 'inadequate' AS INTEGER)
        + CAST(children_in_care = 'inadequate' AS INTEGER)
        + coalesce(CAST(care_leavers = 'inadequate' AS INTEGER), 0)
    END AS ilacs_inadequate_sub_judgements
FROM typed;

-- The same events with the LA's name, for lists people read (QA report, revisions).
CREATE OR REPLACE VIEW named_events AS
SELECT i.*, la.name AS la_name
FROM inspection_events AS i
LEFT JOIN local_authorities AS la ON la.la_code = i.la_code;
