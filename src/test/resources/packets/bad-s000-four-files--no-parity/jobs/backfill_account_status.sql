-- Batched, resumable backfill of accounts.account_status (run by the job runner, not a migration).
-- id-cursor pagination, 5,000-row batches, 100 ms sleep, checkpoint in backfill_checkpoints.
DO $$
DECLARE
  last_id bigint := coalesce((SELECT last_processed_id FROM backfill_checkpoints
                              WHERE job = 'account_status'), 0);
  next_id bigint;
BEGIN
  LOOP
    SELECT max(id) INTO next_id FROM (
      SELECT id FROM accounts WHERE id > last_id ORDER BY id LIMIT 5000) batch;
    EXIT WHEN next_id IS NULL;
    UPDATE accounts
       SET account_status = CASE
             WHEN closed_at IS NOT NULL THEN 'closed'
             WHEN billing_pause_until > now() THEN 'paused'
             ELSE 'active' END
     WHERE id > last_id AND id <= next_id AND account_status IS NULL;
    INSERT INTO backfill_checkpoints (job, last_processed_id) VALUES ('account_status', next_id)
      ON CONFLICT (job) DO UPDATE SET last_processed_id = excluded.last_processed_id;
    COMMIT;
    last_id := next_id;
    PERFORM pg_sleep(0.1);
  END LOOP;
END $$;
