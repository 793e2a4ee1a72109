-- Change in overall effectiveness for LAs with more than one ILACS graded inspection as at
-- the date: the most recent judgement against the first ILACS judgement (compare = 'first')
-- or the one before it (compare = 'previous'). Only inspections of the LA itself count (a
-- successor LA starts its own history). Codes: 1 outstanding ... 4 inadequate (0: none).
-- The LAs are counted by these codes in as_at_combinations (summaries/01_as_at_snapshot).

-- The two judgements compared, as codes, from an LA's row of la_as_at (rules/02_la_as_at); NULL
-- for an LA with fewer than two ILACS inspections giving overall effectiveness, or no
-- comparison.
--
-- macro change_latest_code(inspections, latest): the most recent judgement's code, given how
-- many ILACS inspections giving overall effectiveness the LA has and the most recent one's
-- recency key.
CREATE OR REPLACE MACRO change_latest_code(inspections, latest) AS
CASE WHEN inspections > 1 THEN recency_code(latest, 1) END;

-- macro change_earlier_code(inspections, first, previous, compare): the earlier judgement's
-- code: that of the first inspection's key (compare = 'first') or of the previous one's
-- (compare = 'previous').
CREATE OR REPLACE MACRO change_earlier_code(inspections, first, previous, compare) AS
CASE WHEN inspections > 1 THEN
    recency_code(CASE WHEN compare = 'first' THEN first
                      WHEN compare = 'previous' THEN previous END, 1)
END;

-- What the change is, and by how many grades.
--
-- macro change_between(earlier_code, latest_code): improved, declined or retained (NULL where
-- a judgement is not held).
CREATE OR REPLACE MACRO change_between(earlier_code, latest_code) AS
CASE
    WHEN latest_code = 0 OR earlier_code = 0 THEN NULL
    WHEN latest_code < earlier_code THEN 'improved'
    WHEN latest_code > earlier_code THEN 'declined'
    ELSE 'retained'
END;

-- macro grades_improved(earlier_code, latest_code): by how many grades the judgement improved
-- (negative: declined; NULL where a judgement is not held).
CREATE OR REPLACE MACRO grades_improved(earlier_code, latest_code) AS
CASE WHEN latest_code > 0 AND earlier_code > 0 THEN earlier_code - latest_code END;

