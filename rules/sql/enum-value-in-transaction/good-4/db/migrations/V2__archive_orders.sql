-- Flyway runs this file in a transaction; the COMMIT ends it, so the UPDATE runs in a new one
ALTER TYPE order_status ADD VALUE 'archived';
COMMIT;
UPDATE orders SET status = 'archived' WHERE id < 100;
