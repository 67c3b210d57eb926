-- Flyway runs this file in a transaction: the COMMIT ends it early
-- expect: unbalanced-transaction
BEGIN;
ALTER TABLE accounts ADD COLUMN plan text;
COMMIT;
UPDATE accounts SET plan = 'free' WHERE id < 1000;
