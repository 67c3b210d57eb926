SET lock_timeout = '5s';
-- expect: rename-breaks-old-code
-- expect: non-goal-violated
ALTER TABLE users RENAME COLUMN email TO email_legacy;
