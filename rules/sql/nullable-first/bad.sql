-- accounts and orders exist already: no migration here creates them.
-- expect: nullable-first
ALTER TABLE accounts ADD COLUMN status text NOT NULL;

-- expect: nullable-first
ALTER TABLE orders
  ADD COLUMN region_id bigint NOT NULL,
  ADD COLUMN note text;
