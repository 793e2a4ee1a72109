-- The LAs existing at the date.
CREATE OR REPLACE MACRO as_at_total(day) AS TABLE
SELECT coalesce(sum(n), 0) AS n FROM as_at_snapshot WHERE as_at_date = day;
