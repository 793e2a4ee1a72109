-- The snapshot as people read it: each LA's names and judgements.
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
