UPDATE accounts SET status = coalesce(new_status, 'active'), plan = 'free' WHERE id < 100;
