CREATE TABLE invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text,
  issued_at timestamptz NOT NULL
);
