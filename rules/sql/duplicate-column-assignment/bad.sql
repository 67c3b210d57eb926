-- expect: duplicate-column-assignment
UPDATE accounts SET status = 'active', status = new_status WHERE id < 100;
