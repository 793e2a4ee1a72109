-- table macro in_year_focused_to_requires_improvement(): the period's focused visits to LAs
-- judged requires improvement at their last graded inspection (in_year_focused_snapshot).
--   n  how many visits
CREATE OR REPLACE MACRO in_year_focused_to_requires_improvement() AS TABLE
SELECT count(*) AS n
FROM in_year_focused_snapshot
WHERE last_graded_judgement = 'requires_improvement';
