CREATE TABLE plans (id bigint PRIMARY KEY, name text);
CREATE INDEX plans_name_idx ON plans (name);
