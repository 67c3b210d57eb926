ALTER TABLE accounts ADD COLUMN plan text, ADD COLUMN tier text;
ALTER TABLE accounts RENAME COLUMN note TO notes;
ALTER TABLE orders ADD COLUMN plan text;
UPDATE orders SET plan = 'free' WHERE id < 1000;
ALTER TABLE orders ALTER COLUMN plan SET NOT NULL;
