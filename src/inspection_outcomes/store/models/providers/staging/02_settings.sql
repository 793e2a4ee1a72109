-- The release's settings, one row (filled by store/providers.py from the release).
CREATE TABLE settings (as_at DATE, period_start DATE, period_end DATE, trusts_as_la BOOLEAN);
