SET lock_timeout = '3s';
ALTER TABLE projects ADD COLUMN workspace_id bigint;
ALTER TABLE projects
  ADD CONSTRAINT projects_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspaces (id) NOT VALID;
