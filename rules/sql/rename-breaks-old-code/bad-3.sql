-- expect: rename-breaks-old-code
ALTER SCHEMA billing RENAME TO invoicing;
-- expect: rename-breaks-old-code
ALTER TYPE account_status RENAME VALUE 'closed' TO 'archived';
