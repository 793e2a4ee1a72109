-- table macro as_at_total(day): the LAs existing at a date of the snapshot.
--   n  how many LAs (0 for a date the snapshot does not hold)
CREATE OR REPLACE MACRO as_at_total(day) AS TABLE
SELECT coalesce(sum(n), 0) AS n FROM as_at_snapshot WHERE as_at_date = day;
