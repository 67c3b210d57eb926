-- MySQL 8.0.12 to 8.0.28 add a last column instantly (not FIRST/AFTER, not DROP).
ALTER TABLE orders ADD COLUMN shipped_at datetime NULL;
