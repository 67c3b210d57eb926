ALTER TABLE orders ADD COLUMN tier text;
ALTER TABLE orders ALTER COLUMN tier SET DEFAULT 'basic';
ALTER TABLE orders RENAME COLUMN tier TO plan_tier;
-- restating the nullability it already has changes nothing
ALTER TABLE orders MODIFY COLUMN note text NOT NULL;
