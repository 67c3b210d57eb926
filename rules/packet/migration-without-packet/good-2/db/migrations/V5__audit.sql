CREATE TABLE audit_log (id bigint PRIMARY KEY, body text);
CREATE INDEX audit_log_body_idx ON audit_log (body);
ALTER TABLE orders ADD COLUMN note text;
