-- table macro as_at_judgements(as_at, cutoff): the snapshot as people read it: each LA
-- existing at the date, with its names and most recent judgements (NULL: none, or not held).
--   la_id                  the LA's row in local_authorities
--   la_code                GSS code of the LA
--   la_name                the LA's name
--   region                 its Ofsted region
--   old_la_code            its old 3-digit code
--   overall_recency        the recency key of its most recent inspection giving overall
--                          effectiveness (NULL: none)
--   overall_effectiveness  the judgement at that inspection
--   impact_of_leaders      at its most recent ILACS graded inspection
--   help_and_protection    at its most recent ILACS graded inspection
--   children_in_care       at its most recent ILACS graded inspection
--   care_leavers           at its most recent inspection with a separate care leavers
--                          judgement
CREATE OR REPLACE MACRO as_at_judgements(as_at, cutoff) AS TABLE
SELECT
    a.la_id, la.la_code, la.name AS la_name, la.region, la.old_la_code, a.overall_recency,
    recency_judgement(a.overall_recency, 1) AS overall_effectiveness,
    recency_judgement(a.ilacs_recency, 2) AS impact_of_leaders,
    recency_judgement(a.ilacs_recency, 3) AS help_and_protection,
    recency_judgement(a.ilacs_recency, 4) AS children_in_care,
    recency_judgement(a.care_leavers_recency, 5) AS care_leavers
FROM la_as_at(as_at, cutoff) AS a
JOIN local_authorities AS la ON la.la_id = a.la_id;
