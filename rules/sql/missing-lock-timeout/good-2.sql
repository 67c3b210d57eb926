-- A foreign key to a table created earlier in the same file, and views created here: nobody is
-- waiting on them yet.
CREATE TABLE plans (id bigint PRIMARY KEY);
CREATE TABLE plan_prices (id bigint PRIMARY KEY, plan_id bigint REFERENCES plans (id));
CREATE VIEW plan_list AS SELECT id FROM plans;
CREATE OR REPLACE VIEW plan_list AS SELECT id FROM plans WHERE id > 0;
CREATE TRIGGER plans_audit AFTER UPDATE ON plans FOR EACH ROW EXECUTE FUNCTION audit_row();
-- ALTER TYPE … ADD VALUE locks the type, not the tables using it.
ALTER TYPE account_status ADD VALUE 'frozen' AFTER 'active';
