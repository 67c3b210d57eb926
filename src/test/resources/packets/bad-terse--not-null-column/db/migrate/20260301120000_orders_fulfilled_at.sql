SET lock_timeout = '2s';
-- expect: nullable-first
ALTER TABLE orders ADD COLUMN fulfilled_at timestamptz NOT NULL;
