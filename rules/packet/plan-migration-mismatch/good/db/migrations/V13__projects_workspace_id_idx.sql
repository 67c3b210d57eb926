-- flyway:executeInTransaction=false
CREATE INDEX CONCURRENTLY projects_workspace_id_idx ON projects (workspace_id);
