ALTER TABLE orders ADD COLUMN note text, ALGORITHM=INSTANT;
ALTER TABLE orders ADD INDEX orders_account_idx (account_id), ALGORITHM=INPLACE, LOCK=NONE;
SET foreign_key_checks = 0;
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
SET foreign_key_checks = 1;
CREATE TABLE invoices (id bigint PRIMARY KEY, total int);
ALTER TABLE invoices ADD CONSTRAINT invoices_total_positive CHECK (total >= 0);
