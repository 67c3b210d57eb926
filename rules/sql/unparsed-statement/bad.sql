ALTER TABLE accounts ADD COLUMN note text;
-- expect: unparsed-statement
FROBNICATE TABLE accounts WITH VIGOR;
