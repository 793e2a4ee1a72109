-- Inspection events as the rules see them.
-- framework: the record's own, else the framework version in force on the start date
--            (framework versions and their effective dates: reference table `frameworks`).
-- took_place: the start date; for reports before ILACS whose dates the source could not read,
--            the publication date (the latest the inspection can have taken place).
-- Records with no event type (the source could not say what they were) take part in no
-- figure; they are listed as anomalies until the corrections ledger supplies the type.
CREATE OR REPLACE TABLE inspection_events AS
SELECT
    e.* EXCLUDE (framework),
    coalesce(e.framework, f.framework) AS framework,
    coalesce(e.start_date, e.publication_date) AS took_place
FROM events AS e
LEFT JOIN frameworks AS f
    ON e.start_date BETWEEN f.effective_from AND coalesce(f.effective_to, DATE '9999-12-31')
WHERE e.event_type IS NOT NULL AND e.event_type <> '';
