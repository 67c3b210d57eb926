CREATE UNIQUE INDEX CONCURRENTLY accounts_id_idx ON accounts (id);
-- expect: set-not-null-scan
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY USING INDEX accounts_id_idx;
