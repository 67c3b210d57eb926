ALTER TABLE accounts ADD COLUMN settings jsonb;
CREATE TABLE events (id bigint PRIMARY KEY, payload json);
