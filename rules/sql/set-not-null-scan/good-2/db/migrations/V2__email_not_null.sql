-- accounts_email_present was created valid in V1 (already applied)
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
