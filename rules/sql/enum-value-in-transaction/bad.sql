BEGIN;
ALTER TYPE order_status ADD VALUE 'archived' AFTER 'closed';
-- expect: enum-value-in-transaction
UPDATE orders SET status = 'archived' WHERE closed_at < now() - interval '1 year';
-- expect: enum-value-in-transaction
INSERT INTO order_events (order_id, status) SELECT id, 'archived'::order_status FROM orders WHERE status = 'closed';
COMMIT;
