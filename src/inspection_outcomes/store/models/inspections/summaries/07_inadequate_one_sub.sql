-- table macro inadequate_one_sub(day): LAs inadequate overall whose most recent inspection
-- (an ILACS one) gave exactly one inadequate sub-judgement.
--   n  how many LAs
CREATE OR REPLACE MACRO inadequate_one_sub(day) AS TABLE
SELECT coalesce(sum(n) FILTER (WHERE inadequate_with_one_inadequate_sub), 0) AS n
FROM as_at_snapshot
WHERE as_at_date = day;
