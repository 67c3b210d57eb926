SET lock_timeout = '2s';
ALTER TABLE payments ADD COLUMN settled_amount_cents bigint;
