-- each in its own transaction: the lock is held only for the quick step
BEGIN;
ALTER TABLE accounts ADD COLUMN plan_id bigint;
ALTER TABLE accounts ADD COLUMN note text;
COMMIT;
UPDATE plans SET tier = 'basic' WHERE id >= 1 AND id < 10001;
-- a new table: nobody waits on it
BEGIN;
CREATE TABLE invoices (id bigint PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN total bigint;
UPDATE invoices SET total = 0;
COMMIT;
-- dropping tables one after the other: the dropped tables' readers fail anyway
BEGIN;
DROP TABLE legacy_sessions;
DROP TABLE legacy_tokens;
COMMIT;
