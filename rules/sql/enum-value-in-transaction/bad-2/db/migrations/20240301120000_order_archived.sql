-- +goose Up
-- expect: enum-value-in-transaction
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'archived';

-- +goose Down
SELECT 1;
