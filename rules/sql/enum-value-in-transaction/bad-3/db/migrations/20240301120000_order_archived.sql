-- +goose Up
ALTER TYPE order_status ADD VALUE 'archived';
-- expect: enum-value-in-transaction
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'archived';

-- +goose Down
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open';
