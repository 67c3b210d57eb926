-- STABLE defaults are stored once in the catalogue (PostgreSQL 11+): no rewrite.
ALTER TABLE accounts ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE accounts ADD COLUMN updated_at timestamptz DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';

-- the volatile default for new rows only, set after the column exists
ALTER TABLE accounts ADD COLUMN public_id uuid;
ALTER TABLE accounts ALTER COLUMN public_id SET DEFAULT gen_random_uuid();

-- a table this change creates has no rows to rewrite
CREATE TABLE events (id uuid PRIMARY KEY DEFAULT gen_random_uuid());
ALTER TABLE events ADD COLUMN token uuid DEFAULT gen_random_uuid();

-- PostgreSQL 18: a VIRTUAL generated column is computed on read, nothing is written
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) VIRTUAL;
