-- expect: unbatched-backfill
UPDATE accounts SET status = 'active' WHERE status IS NULL;

-- expect: unbatched-backfill
DELETE FROM sessions WHERE expires_at < now();
