CREATE INDEX accounts_billing_email_lower_idx ON accounts (lower(email));
