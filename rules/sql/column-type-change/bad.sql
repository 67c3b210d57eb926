-- no migration shows balance's previous type
-- expect: column-type-change
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(12,2);
