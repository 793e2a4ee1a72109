-- The same events with the LA's name, for lists people read (QA report, revisions).
CREATE OR REPLACE VIEW named_events AS
SELECT i.*, la.name AS la_name
FROM inspection_events AS i
LEFT JOIN local_authorities AS la ON la.la_code = i.la_code;
