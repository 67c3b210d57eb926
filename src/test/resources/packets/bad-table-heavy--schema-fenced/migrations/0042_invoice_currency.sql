SET lock_timeout = '3s';
-- expect: non-goal-violated
ALTER TABLE invoices ADD COLUMN currency_code char(3);
