-- LAs existing at the date that have no graded inspection, or whose most recent overall
-- judgement the source does not hold (names, for the release to state). The names of all
-- the snapshot's dates are looked up at once, when the snapshot is made
-- (`as_at_ungraded_snapshot`, by Warehouse.snapshot).
--
-- table macro as_at_ungraded_names(): one row for each ungraded LA at each date of
-- as_at_snapshot.
--   as_at_date  the date
--   name        the LA's name
--   la_code     GSS code of the LA
--   status      not_yet_graded or judgement_not_in_source (ungraded_status)
CREATE OR REPLACE MACRO as_at_ungraded_names() AS TABLE
SELECT s.as_at_date, la.name, la.la_code, s.ungraded AS status
FROM (SELECT as_at_date, ungraded, unnest(ungraded_la_ids) AS la_id
      FROM as_at_snapshot WHERE ungraded IS NOT NULL) AS s
JOIN local_authorities AS la ON la.la_id = s.la_id;

-- table as_at_ungraded_snapshot: the names of a release's snapshot, made with it by
-- Warehouse.snapshot (empty until then).
--   *as_at_ungraded_names  every column of as_at_ungraded_names, in its order
CREATE OR REPLACE TABLE as_at_ungraded_snapshot AS
SELECT * FROM as_at_ungraded_names() WHERE false;

-- table macro as_at_ungraded(day): the ungraded LAs at a date of the snapshot.
--   name     the LA's name
--   la_code  GSS code of the LA
--   status   not_yet_graded or judgement_not_in_source
CREATE OR REPLACE MACRO as_at_ungraded(day) AS TABLE
SELECT name, la_code, status FROM as_at_ungraded_snapshot WHERE as_at_date = day;
