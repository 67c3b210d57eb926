-- golang-migrate sends the file as one query: the explicit transaction replaces the implicit one
BEGIN;
ALTER TABLE accounts ADD COLUMN plan text;
UPDATE accounts SET plan = 'free' WHERE id < 1000;
COMMIT;
