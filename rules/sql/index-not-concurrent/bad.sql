-- expect: index-not-concurrent
CREATE INDEX accounts_email_idx ON accounts (email);

-- expect: index-not-concurrent
CREATE UNIQUE INDEX orders_reference_idx ON orders (reference);

-- expect: index-not-concurrent
DROP INDEX accounts_legacy_idx;
