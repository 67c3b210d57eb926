ALTER TABLE accounts ADD COLUMN account_status text;
-- expect: non-goal-violated
ALTER TABLE accounts DROP COLUMN closed_at;
-- expect: non-goal-violated
ALTER TABLE invoices ADD COLUMN account_status text;
