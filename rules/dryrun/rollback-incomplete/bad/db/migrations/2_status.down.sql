-- expect: rollback-incomplete
ALTER TABLE accounts DROP COLUMN status;
