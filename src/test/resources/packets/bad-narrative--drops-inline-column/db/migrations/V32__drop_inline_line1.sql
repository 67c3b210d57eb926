SET lock_timeout = '2s';
-- expect: rollback-per-phase
-- expect: non-goal-violated
-- expect: destructive-drop
ALTER TABLE customers DROP COLUMN shipping_line1;
