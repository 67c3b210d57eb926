-- Seed 004's "batched" backfill: a DO loop is one transaction, and UPDATE … LIMIT is not PostgreSQL.
-- expect: unbatched-backfill
DO $$
DECLARE
  affected INT;
BEGIN
  LOOP
    -- expect: unbatched-backfill
    UPDATE users SET org_id = accounts.organisation_id
    FROM accounts
    WHERE users.account_id = accounts.id AND users.org_id IS NULL
    LIMIT 1000;
    GET DIAGNOSTICS affected = ROW_COUNT;
    EXIT WHEN affected = 0;
    PERFORM pg_sleep(0.1);
  END LOOP;
END $$;

-- expect: unbatched-backfill
DELETE FROM sessions WHERE expires_at < now() LIMIT 10000;
