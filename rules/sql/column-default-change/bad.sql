-- expect: column-default-change
ALTER TABLE accounts ALTER COLUMN plan SET DEFAULT 'trial';
