BEGIN;
ALTER TABLE accounts ADD COLUMN plan_id bigint;
-- expect: lock-held-across-statements
UPDATE plans SET tier = 'basic';
COMMIT;
BEGIN;
ALTER TABLE orders DROP COLUMN legacy_note;
-- expect: lock-held-across-statements
CREATE INDEX orders_customer_idx ON customers (email);
COMMIT;
