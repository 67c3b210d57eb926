CREATE TABLE orders (id bigint PRIMARY KEY, note text NOT NULL) ENGINE=InnoDB;
