-- expect: volatile-default-rewrite
ALTER TABLE accounts ADD COLUMN public_id uuid DEFAULT gen_random_uuid();

-- expect: volatile-default-rewrite
ALTER TABLE accounts ADD COLUMN seen_at timestamptz NOT NULL DEFAULT clock_timestamp();

-- expect: volatile-default-rewrite
ALTER TABLE orders ADD COLUMN position bigserial;

-- expect: volatile-default-rewrite
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;

-- expect: volatile-default-rewrite
ALTER TABLE invoices ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
