-- new tables and concurrent builds wait on nobody
CREATE TABLE plans (id bigint PRIMARY KEY);
CREATE INDEX plans_id_idx ON plans (id);
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);

SET lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN status text;
CREATE INDEX accounts_status_idx ON accounts (status);
