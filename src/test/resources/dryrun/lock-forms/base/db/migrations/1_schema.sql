CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, balance int, status text,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX accounts_created_at_idx ON accounts (created_at);
CREATE INDEX accounts_status_idx ON accounts (status);
CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, total int);
CREATE TABLE events (id bigint PRIMARY KEY, payload text);
CREATE MATERIALIZED VIEW account_totals AS SELECT id, balance FROM accounts;
CREATE UNIQUE INDEX account_totals_id_idx ON account_totals (id);
CREATE TABLE measurements (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE measurements_2024 (id bigint NOT NULL, at date NOT NULL);
CREATE TABLE measurements_2023 PARTITION OF measurements FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
