-- +goose Up
-- PostgreSQL 12+ runs ADD VALUE in a transaction; the value is only used in the next migration
ALTER TYPE order_status ADD VALUE 'archived';
-- a text column holding the same word is not the enum
UPDATE orders SET note = 'archived' WHERE id = 0;

-- +goose Down
SELECT 1;
