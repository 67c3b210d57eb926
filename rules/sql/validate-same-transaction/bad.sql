BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
-- expect: validate-same-transaction
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
COMMIT;
