SELECT id, account_status FROM accounts;
