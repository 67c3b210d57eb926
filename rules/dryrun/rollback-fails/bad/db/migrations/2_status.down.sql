-- expect: rollback-fails
ALTER TABLE accounts DROP COLUMN state;
