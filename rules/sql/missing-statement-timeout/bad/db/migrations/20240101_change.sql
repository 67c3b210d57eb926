SET lock_timeout = '5s';
-- expect: missing-statement-timeout
ALTER TABLE accounts ALTER COLUMN plan SET NOT NULL;
