CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
-- expect: missing-lock-timeout
CREATE INDEX orders_created_idx ON orders (created_at);
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;
