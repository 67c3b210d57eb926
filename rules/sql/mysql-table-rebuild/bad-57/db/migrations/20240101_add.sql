-- MySQL 5.7 has no INSTANT ADD COLUMN: the table is rebuilt in place.
-- expect: mysql-table-rebuild
ALTER TABLE orders ADD COLUMN shipped_at datetime NULL;
-- expect: mysql-table-rebuild
ALTER TABLE orders DROP COLUMN note;
