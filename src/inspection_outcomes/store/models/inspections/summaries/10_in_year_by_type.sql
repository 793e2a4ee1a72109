-- In-year events by type.
CREATE OR REPLACE MACRO in_year_by_type() AS TABLE
SELECT event_type, count(*) AS n
FROM in_year_snapshot
GROUP BY ALL;
