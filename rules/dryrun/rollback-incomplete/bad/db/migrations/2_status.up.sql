ALTER TABLE accounts ADD COLUMN status text;
CREATE TABLE account_notes (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id), note text);
