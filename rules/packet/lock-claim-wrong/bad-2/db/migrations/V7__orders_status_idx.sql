SET lock_timeout = '3s';
CREATE INDEX orders_status_idx ON orders (status);
ALTER TABLE orders DROP COLUMN legacy_state;
