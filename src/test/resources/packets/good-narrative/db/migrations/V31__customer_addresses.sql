CREATE TABLE customer_addresses (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  line1 text NOT NULL,
  city text NOT NULL,
  country char(2) NOT NULL,
  is_default boolean NOT NULL DEFAULT false
);
CREATE INDEX customer_addresses_customer_id_idx ON customer_addresses (customer_id);
