-- table settings: the release's settings, one row, filled by store/providers.py once this
-- table is made.
--   as_at         the release's date: the latest judgement is as at this day
--   period_start  the first day of the in-year period
--   period_end    the last day of the in-year period
--   trusts_as_la  whether the sector rule counts LA trusts as local_authority (SectorRule)
CREATE TABLE settings (as_at DATE, period_start DATE, period_end DATE, trusts_as_la BOOLEAN);
