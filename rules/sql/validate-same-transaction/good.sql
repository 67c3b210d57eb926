BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
COMMIT;

BEGIN;
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
COMMIT;

-- added NOT VALID by an earlier migration
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_balance_check;
