CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
-- no volatility declared: PostgreSQL makes it VOLATILE
CREATE FUNCTION generate_unique_changeme() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION short_code(n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lpad(n::text, 6, '0') $$;
