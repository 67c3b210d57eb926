-- undoing the up migration is fine
ALTER TABLE accounts DROP COLUMN notes;

-- but this column predates the up migration
-- expect: destructive-drop
ALTER TABLE accounts DROP COLUMN email;
