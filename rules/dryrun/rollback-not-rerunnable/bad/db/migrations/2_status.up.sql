-- expect: rollback-not-rerunnable
CREATE TYPE account_status AS ENUM ('active', 'paused', 'closed');
ALTER TABLE accounts ADD COLUMN status account_status;
