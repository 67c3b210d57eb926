-- expect: pg14-concurrent-index-corruption
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
-- expect: pg14-concurrent-index-corruption
REINDEX INDEX CONCURRENTLY accounts_email_idx;
