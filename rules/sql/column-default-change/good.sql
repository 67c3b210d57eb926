ALTER TABLE accounts ADD COLUMN tier text;
ALTER TABLE accounts ALTER COLUMN tier SET DEFAULT 'basic';
CREATE TABLE plans (id bigint PRIMARY KEY, name text);
ALTER TABLE plans ALTER COLUMN name SET DEFAULT 'free';
