-- expect: destructive-drop
ALTER TABLE accounts DROP COLUMN legacy_flag;

-- expect: destructive-drop
DROP TABLE audit_log_2019;

-- expect: destructive-drop
TRUNCATE sessions;
