ALTER TABLE accounts ADD COLUMN status text;
-- expect: ddl-and-dml-mixed
UPDATE accounts SET status = 'active';
