-- expect: set-not-null-scan
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;

-- a check that was never validated proves nothing
ALTER TABLE accounts ADD CONSTRAINT accounts_phone_not_null CHECK (phone IS NOT NULL) NOT VALID;
-- expect: set-not-null-scan
ALTER TABLE accounts ALTER COLUMN phone SET NOT NULL;

-- PostgreSQL 18: a NOT NULL constraint added valid scans the same way
-- expect: set-not-null-scan
ALTER TABLE accounts ADD CONSTRAINT accounts_name_not_null NOT NULL name;
