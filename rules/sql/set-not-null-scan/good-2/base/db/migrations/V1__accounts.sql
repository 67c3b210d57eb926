CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email text,
  CONSTRAINT accounts_email_present CHECK (email IS NOT NULL)
);
