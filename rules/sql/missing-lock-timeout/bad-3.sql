-- Locks on relations other than the altered table: the parent of a new foreign key, the table
-- under a trigger, views readers are using.
-- expect: missing-lock-timeout
CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id)
);
CREATE TRIGGER accounts_audit AFTER UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION audit_row();
DROP VIEW active_accounts;
CREATE OR REPLACE VIEW account_totals AS SELECT account_id, count(*) FROM invoices GROUP BY account_id;
REFRESH MATERIALIZED VIEW monthly_revenue;
DROP TRIGGER accounts_legacy ON accounts;
