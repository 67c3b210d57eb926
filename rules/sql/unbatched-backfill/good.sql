UPDATE accounts SET status = 'active' WHERE id BETWEEN 1 AND 10000 AND status IS NULL;

-- a table this change creates
CREATE TABLE plans (id bigint PRIMARY KEY, name text);
UPDATE plans SET name = lower(name);
