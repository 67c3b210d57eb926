UPDATE accounts SET status = 'active' WHERE id BETWEEN 1 AND 10000 AND status IS NULL;

-- a table this change creates
CREATE TABLE plans (id bigint PRIMARY KEY, name text);
UPDATE plans SET name = lower(name);

-- a fix-up of listed rows, not a pass over the table
UPDATE accounts SET plan = 'pro' WHERE id = 42;
DELETE FROM settings WHERE key IN ('legacy_theme', 'legacy_font');
