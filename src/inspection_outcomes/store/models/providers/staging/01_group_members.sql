-- The provider groups each provision type belongs to, with the scale its judgements are on
-- (filled by store/providers.py from model/data/provider_groups.csv).
CREATE TABLE group_members (provision_type VARCHAR, grp VARCHAR, scale VARCHAR);
