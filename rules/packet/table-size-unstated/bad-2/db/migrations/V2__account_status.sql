ALTER TABLE accounts ADD COLUMN account_status text;
CREATE INDEX CONCURRENTLY account_events_kind_idx ON account_events (kind);
