BEGIN;
ALTER TYPE order_status ADD VALUE 'archived' AFTER 'closed';
COMMIT;
-- committed: the value can be used now
UPDATE orders SET status = 'archived' WHERE closed_at < now() - interval '1 year';
