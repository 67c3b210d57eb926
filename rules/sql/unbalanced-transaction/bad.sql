BEGIN;
ALTER TABLE accounts ADD COLUMN plan text;
-- expect: unbalanced-transaction
BEGIN;
ALTER TABLE accounts ADD COLUMN tier text;
COMMIT;
-- expect: unbalanced-transaction
BEGIN;
ALTER TABLE accounts ADD COLUMN note text;
