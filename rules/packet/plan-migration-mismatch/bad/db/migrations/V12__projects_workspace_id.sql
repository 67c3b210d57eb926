SET lock_timeout = '3s';
-- expect: plan-migration-mismatch
ALTER TABLE projects ADD COLUMN workspace_id bigint NOT NULL DEFAULT 0;
-- expect: plan-migration-mismatch
ALTER TABLE projects
  ADD CONSTRAINT projects_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
-- expect: plan-migration-mismatch
CREATE INDEX projects_workspace_id_idx ON projects (workspace_id);
