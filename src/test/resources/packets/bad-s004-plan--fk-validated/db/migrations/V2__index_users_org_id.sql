CREATE INDEX CONCURRENTLY IF NOT EXISTS users_org_id_idx ON users (org_id);
