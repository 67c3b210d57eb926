SET lock_timeout = '3s';
-- expect: non-goal-violated
ALTER TABLE project_members ADD COLUMN role text;
