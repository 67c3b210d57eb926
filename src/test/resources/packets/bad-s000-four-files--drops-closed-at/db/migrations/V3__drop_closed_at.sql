SET lock_timeout = '5s';
-- expect: non-goal-violated
-- expect: guardrail-forbidden
-- expect: destructive-drop
ALTER TABLE accounts DROP COLUMN closed_at;
