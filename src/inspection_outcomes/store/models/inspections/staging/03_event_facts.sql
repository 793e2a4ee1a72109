-- The facts the figures count: one compact row per record, made in one pass over the source
-- (a simulated country has ten million records; no rule reads the source again). Values are
-- read by the macros made from the reference data (framework_index, event_type_index,
-- judgement_code), after the warehouse has checked every value is one they know.
--
-- macro day_recency(day): the smallest recency key of a day: a graded inspection that took
-- place before the day has a smaller key, one that took place on it or later a key at least
-- as large.
CREATE OR REPLACE MACRO day_recency(day) AS
CAST(least(greatest(day - DATE '1970-01-01', 0), 65535) AS BIGINT) * 140737488355328;

-- table event_facts: one row for each record of `events`.
--   la_id             the LA's row in local_authorities (NULL: a code the LA table does
--                     not know)
--   event_row         where the whole record is in `events`, for lists people read (an
--                     INTEGER, half the memory of the source's BIGINT position)
--   id_hash           32 bits of a hash of event_id: duplicate identifiers are found by
--                     sorting these
--   kind              the (framework version, event type) pair as one number (NULL: no
--                     type); the framework version is the record's own, else the one in force
--                     on the start date. What a kind is comes from the framework versions:
--                     in_ilacs, is_graded (standard and short; SIF and CPI inspections before
--                     ILACS), and what that version judges: gives_overall, is_ilacs_graded,
--                     gives_care_leavers
--   took_place        the start date, else the publication date (see inspection_events)
--   publication_date  the day the report or letter was published
--   themes_hash       a hash of a focused visit's themes (their text is in
--                     focused_visit_themes)
--   recency           of a graded inspection (is_graded; NULL for other events): "which is
--                     more recent", with the judgements riding in its lowest bits, so that
--                     max(recency) over an LA's inspections is its most recent inspection and
--                     that inspection's judgements, in one pass. From the highest place down:
--                       took_place (days since 1970)          x 2^47
--                       days from took_place to the end date  x 2^36  (then the later end,
--                       days from took_place to publication   x 2^25  the later publication,
--                       10 bits of id_hash                    x 2^15  always the same one)
--                       judgement codes, 3 bits each (0 none, 1 outstanding ... 4
--                       inadequate): overall effectiveness x 2^12, impact of leaders x 2^9,
--                       help and protection x 2^6, children in care x 2^3, care leavers x 1
--                     (the order of model.frameworks.ILACS_AREAS; read back by recency_code)
CREATE OR REPLACE TABLE event_facts AS
WITH coded AS (
    SELECT
        la.la_id, CAST(e.event_row AS INTEGER) AS event_row,
        CAST(hash(e.event_id) >> 32 AS UINTEGER) AS id_hash,
        -- (a CASE: DuckDB works out both arguments of a coalesce for every record)
        event_kind(CASE WHEN e.framework <> '' THEN framework_index(e.framework)
                        ELSE framework_index(framework_on(e.start_date)) END,
                   event_type_index(e.event_type)) AS kind,
        coalesce(e.start_date, e.publication_date) AS took_place,
        e.end_date, e.publication_date, hash(e.themes) AS themes_hash,
        e.overall_effectiveness, e.impact_of_leaders, e.help_and_protection,
        e.children_in_care, e.care_leavers
    FROM events AS e
    LEFT JOIN local_authorities AS la ON la.la_code = e.la_code
)
SELECT
    la_id, event_row, id_hash, kind, took_place, publication_date, themes_hash,
    -- (worked out for graded inspections alone: half the records)
    CASE WHEN is_graded(kind) THEN
        day_recency(took_place)
        + least(greatest(coalesce(end_date - took_place, 0), 0), 2047) * 68719476736
        + least(greatest(publication_date - took_place, 0), 2047) * 33554432
        + CAST(id_hash // 4194304 AS BIGINT) * 32768
        + judgement_code(overall_effectiveness) * 4096
        + judgement_code(impact_of_leaders) * 512
        + judgement_code(help_and_protection) * 64
        + judgement_code(children_in_care) * 8
        + judgement_code(care_leavers)
    END AS recency
FROM coded;

-- macro recency_code(recency, area): a judgement carried in a recency key, as its code (0
-- none, 1 outstanding ... 4 inadequate): area 1 (overall effectiveness) to 5 (care leavers).
-- (A BIGINT like the key: a cast to a smaller type would cost an operation for every LA of
-- the as-at pass.)
CREATE OR REPLACE MACRO recency_code(recency, area) AS
(recency >> [12, 9, 6, 3, 0][area]) & 7;

-- macro recency_judgement(recency, area): the same judgement by its name (NULL for none).
CREATE OR REPLACE MACRO recency_judgement(recency, area) AS
judgement_name(recency_code(recency, area));

-- macro recency_inadequate_sub_judgements(recency): how many ILACS sub-judgements are
-- inadequate at the inspection of a recency key (NULL when impact of leaders, help and
-- protection or children in care is not held).
CREATE OR REPLACE MACRO recency_inadequate_sub_judgements(recency) AS
CASE WHEN recency_code(recency, 2) > 0 AND recency_code(recency, 3) > 0
          AND recency_code(recency, 4) > 0 THEN
    CAST(recency_code(recency, 2) = judgement_code('inadequate') AS INTEGER)
    + CAST(recency_code(recency, 3) = judgement_code('inadequate') AS INTEGER)
    + CAST(recency_code(recency, 4) = judgement_code('inadequate') AS INTEGER)
    + CAST(recency_code(recency, 5) = judgement_code('inadequate') AS INTEGER)
END;
