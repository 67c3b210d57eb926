CREATE TABLE orders (
  id integer PRIMARY KEY,
  reference varchar(40),
  note text
);
