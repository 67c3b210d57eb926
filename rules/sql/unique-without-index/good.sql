CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key_idx ON accounts (email);
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key_idx;

-- a table this change creates is empty
CREATE TABLE invoices (id bigint, number text);
ALTER TABLE invoices ADD CONSTRAINT invoices_number_key UNIQUE (number);
