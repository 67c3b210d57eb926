CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  name varchar(80),
  code character varying(10),
  amount numeric(10,2)
);
