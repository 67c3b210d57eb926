ALTER TABLE accounts ADD COLUMN account_status text;
CREATE TABLE account_notes (id bigint PRIMARY KEY, body text);
ALTER TABLE account_notes ADD COLUMN author text;
ALTER TABLE account_notes DROP COLUMN body;
