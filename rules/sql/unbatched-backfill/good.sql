UPDATE accounts SET status = 'active' WHERE id BETWEEN 1 AND 10000 AND status IS NULL;

-- a table this change creates
CREATE TABLE plans (id bigint PRIMARY KEY, name text);
UPDATE plans SET name = lower(name);

-- a fix-up of listed rows, not a pass over the table
UPDATE accounts SET plan = 'pro' WHERE id = 42;
DELETE FROM settings WHERE key IN ('legacy_theme', 'legacy_font');

-- a keyset batch: the CTE picks the next 1000 keys after the last one done, the UPDATE joins to it
WITH batch AS (
  SELECT id FROM accounts WHERE id > 5000 AND status IS NULL ORDER BY id LIMIT 1000
)
UPDATE accounts SET status = 'active' FROM batch WHERE accounts.id = batch.id;

-- the same for a purge, the keys read through a sub-select of the CTE
WITH doomed AS (SELECT id FROM sessions WHERE expires_at < now() ORDER BY id LIMIT 500)
DELETE FROM sessions WHERE id IN (SELECT id FROM doomed);
