ALTER TABLE accounts ADD COLUMN account_status text;
