-- before PostgreSQL 11 every DEFAULT is written into each row
-- expect: volatile-default-rewrite
ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';
