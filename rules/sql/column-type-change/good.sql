CREATE TABLE drafts (id integer PRIMARY KEY, body varchar(100));
ALTER TABLE drafts ALTER COLUMN id TYPE bigint;
