-- expect: constraint-not-valid
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);

-- expect: constraint-not-valid
ALTER TABLE accounts ADD CONSTRAINT accounts_balance_check CHECK (balance >= 0);

-- expect: constraint-not-valid
ALTER TABLE payments ADD COLUMN account_id bigint REFERENCES accounts (id);
