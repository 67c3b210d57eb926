-- expect: discouraged-column-type
CREATE TABLE invoices (
  id serial PRIMARY KEY,
  code char(12),
  issued_at timestamp NOT NULL
);
-- expect: discouraged-column-type
ALTER TABLE accounts ADD COLUMN score integer;
