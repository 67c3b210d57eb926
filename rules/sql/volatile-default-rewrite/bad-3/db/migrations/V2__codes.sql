-- expect: volatile-default-rewrite
ALTER TABLE accounts ADD COLUMN code text NOT NULL DEFAULT generate_unique_changeme();
-- a function no migration creates counts as volatile
-- expect: volatile-default-rewrite
ALTER TABLE accounts ADD COLUMN token text DEFAULT make_token();
-- declared IMMUTABLE: stored once in the catalogue
ALTER TABLE accounts ADD COLUMN short text DEFAULT short_code(7);
-- casts are not calls
ALTER TABLE accounts ADD COLUMN label character varying(20) DEFAULT ''::character varying(20);
ALTER TABLE accounts ADD COLUMN amount numeric(10, 2) DEFAULT (0)::numeric(10, 2);
