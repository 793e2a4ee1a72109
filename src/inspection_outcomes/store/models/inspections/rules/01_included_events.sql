-- The cut-off rule: an event counts in a release as at `as_at` when it took place by the
-- as-at date and its report was published by the publication cut-off (by default 3 calendar
-- months after the as-at date). Reports published later enter the next release, and a
-- revision of this one.
CREATE OR REPLACE MACRO included(took_place, publication_date, as_at, cutoff) AS
took_place <= as_at AND publication_date <= cutoff;

CREATE OR REPLACE MACRO included_events(as_at, cutoff) AS TABLE
SELECT *
FROM inspection_events
WHERE included(took_place, publication_date, as_at, cutoff);
