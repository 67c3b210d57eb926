SET lock_timeout = '2s';
-- expect: non-goal-violated
-- expect: column-type-change
ALTER TABLE payments ALTER COLUMN amount TYPE bigint USING (amount * 100)::bigint;
