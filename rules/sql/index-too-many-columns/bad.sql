-- expect: index-too-many-columns
CREATE INDEX CONCURRENTLY orders_lookup_idx ON orders (account_id, status, created_at, total);
