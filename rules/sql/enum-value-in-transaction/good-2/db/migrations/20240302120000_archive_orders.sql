-- +goose Up
UPDATE orders SET status = 'archived' WHERE id < 100;

-- +goose Down
UPDATE orders SET status = 'closed' WHERE status = 'archived';
