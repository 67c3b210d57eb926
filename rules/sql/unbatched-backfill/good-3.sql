-- Batches that commit: PostgreSQL 11+ allows COMMIT inside a DO block run outside a transaction
-- block, so each batch is its own transaction; each UPDATE is bounded by a key sub-select.
DO $$
DECLARE
  affected INT;
BEGIN
  LOOP
    UPDATE users SET org_id = a.organisation_id
    FROM accounts a
    WHERE users.account_id = a.id
      AND users.id IN (SELECT id FROM users WHERE org_id IS NULL ORDER BY id LIMIT 1000);
    GET DIAGNOSTICS affected = ROW_COUNT;
    EXIT WHEN affected = 0;
    COMMIT;
    PERFORM pg_sleep(0.1);
  END LOOP;
END $$;
