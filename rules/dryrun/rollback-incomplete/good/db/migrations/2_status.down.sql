DROP TABLE account_notes;
ALTER TABLE accounts DROP COLUMN status;
