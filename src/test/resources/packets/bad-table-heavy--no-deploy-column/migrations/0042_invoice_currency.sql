SET lock_timeout = '3s';
ALTER TABLE invoices ADD COLUMN currency_code char(3);
