-- creating a table and seeding it is not a backfill of an existing table
CREATE TABLE plans (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO plans (id, name) VALUES (1, 'free'), (2, 'pro');
