ALTER TYPE account_status ADD VALUE 'suspended' AFTER 'active';
ALTER TYPE account_status ADD VALUE IF NOT EXISTS 'closed' BEFORE 'deleted';
