SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN org_id uuid NULL;
ALTER TABLE users ADD CONSTRAINT users_org_id_fk
  FOREIGN KEY (org_id) REFERENCES organisations (id) NOT VALID;
