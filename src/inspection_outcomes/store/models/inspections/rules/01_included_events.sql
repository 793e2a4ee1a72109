-- The cut-off rule: an event counts in a release as at `as_at` when it took place by the
-- as-at date and its report was published by the publication cut-off (by default 3 calendar
-- months after the as-at date). Reports published later enter the next release, and a
-- revision of this one.
--
-- macro included(took_place, publication_date, as_at, cutoff): true when an event that took
-- place and was published on those days counts in the release as at `as_at` with that
-- cut-off (both days inclusive).
CREATE OR REPLACE MACRO included(took_place, publication_date, as_at, cutoff) AS
took_place <= as_at AND publication_date <= cutoff;

-- table macro included_events(as_at, cutoff): the inspection events included in the release
-- as at `as_at` with that cut-off (the release's lists of events).
--   *inspection_events  every column of inspection_events, in its order
CREATE OR REPLACE MACRO included_events(as_at, cutoff) AS TABLE
SELECT *
FROM inspection_events
WHERE included(took_place, publication_date, as_at, cutoff);
