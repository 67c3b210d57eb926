-- expect: missing-lock-timeout
ALTER TABLE accounts ADD COLUMN status text;
ALTER TABLE accounts ADD COLUMN plan text;
