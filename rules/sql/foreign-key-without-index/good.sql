CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id)
);
CREATE INDEX invoices_account_id_idx ON invoices (account_id);
CREATE TABLE invoice_lines (
  invoice_id bigint REFERENCES invoices (id),
  line int,
  PRIMARY KEY (invoice_id, line)
);
