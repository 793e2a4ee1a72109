-- view named_events: the events of inspection_events with the LA's name, for the lists
-- people read (QA report, revisions).
--   *inspection_events  every column of inspection_events, in its order
--   la_name             the LA's name in the LA table (NULL: a code the table does not know)
CREATE OR REPLACE VIEW named_events AS
SELECT i.*, la.name AS la_name
FROM inspection_events AS i
LEFT JOIN local_authorities AS la ON la.la_code = i.la_code;
