ALTER TABLE accounts ADD COLUMN account_status text;
-- expect: same-release-cleanup
ALTER TABLE accounts DROP COLUMN legacy_state;
