-- expect: column-type-change
ALTER TABLE orders ALTER COLUMN id TYPE bigint;

-- expect: column-type-change
ALTER TABLE orders ALTER COLUMN reference TYPE varchar(20);

-- expect: column-type-change
ALTER TABLE orders ALTER COLUMN note TYPE integer USING note::integer;
