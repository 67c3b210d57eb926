SET lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN account_status text;
