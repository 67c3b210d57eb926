ALTER TABLE accounts ADD COLUMN plan text;
-- expect: alter-table-combinable
ALTER TABLE accounts ADD COLUMN tier text;
ALTER TABLE accounts ADD COLUMN note text;
