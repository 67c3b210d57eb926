-- a rollback script removing what its up migration added
ALTER TABLE accounts DROP COLUMN notes;
