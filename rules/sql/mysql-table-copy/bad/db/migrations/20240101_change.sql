-- expect: mysql-table-copy
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
-- expect: mysql-table-copy
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);
-- expect: mysql-table-copy
ALTER TABLE orders ADD COLUMN note text, ALGORITHM=COPY;
-- expect: mysql-table-copy
ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4;
