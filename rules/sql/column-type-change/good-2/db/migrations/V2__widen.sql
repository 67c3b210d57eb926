ALTER TABLE accounts ALTER COLUMN name TYPE text;
ALTER TABLE accounts ALTER COLUMN code TYPE varchar(32);
ALTER TABLE accounts ALTER COLUMN amount TYPE numeric(14,2);
