CREATE INDEX CONCURRENTLY orders_lookup_idx ON orders (account_id, status) INCLUDE (created_at, total);
CREATE UNIQUE INDEX CONCURRENTLY orders_natural_key ON orders (account_id, region, number, year);
