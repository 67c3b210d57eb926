SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN org_id uuid NULL;
-- expect: constraint-not-valid, plan-migration-mismatch
ALTER TABLE users ADD CONSTRAINT users_org_id_fk
  FOREIGN KEY (org_id) REFERENCES organisations (id);
