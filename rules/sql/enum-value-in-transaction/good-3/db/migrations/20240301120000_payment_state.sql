-- +goose Up
-- the type is created in the same transaction: its new values may be used at once
CREATE TYPE payment_state AS ENUM ('pending', 'paid');
ALTER TYPE payment_state ADD VALUE 'refunded';
CREATE TABLE payments (id bigint PRIMARY KEY, state payment_state NOT NULL DEFAULT 'refunded');

-- +goose Down
DROP TABLE payments;
DROP TYPE payment_state;
