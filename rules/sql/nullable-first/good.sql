SET lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN status text;
ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';

-- a table this change creates has no rows yet
CREATE TABLE invoices (id bigint PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN total numeric(12,2) NOT NULL;
