ALTER TABLE accounts DROP COLUMN status;
