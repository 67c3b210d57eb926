-- expect: mysql-table-rebuild
ALTER TABLE orders MODIFY COLUMN note text NULL;
-- expect: mysql-table-rebuild
ALTER TABLE orders ENGINE=InnoDB;
