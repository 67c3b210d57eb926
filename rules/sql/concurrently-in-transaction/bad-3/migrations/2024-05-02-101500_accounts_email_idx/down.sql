-- expect: concurrently-in-transaction
DROP INDEX CONCURRENTLY accounts_email_idx;
