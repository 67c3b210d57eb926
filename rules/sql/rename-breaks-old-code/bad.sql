-- expect: rename-breaks-old-code
ALTER TABLE accounts RENAME COLUMN email TO email_address;

-- expect: rename-breaks-old-code
ALTER TABLE orders RENAME TO purchases;
