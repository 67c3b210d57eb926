-- the same change also expands accounts: not a cleanup shipped on its own
ALTER TABLE accounts ADD COLUMN plan_tier text;
-- expect: destructive-drop
ALTER TABLE accounts DROP COLUMN legacy_flag;
