-- expect: drop-not-null
ALTER TABLE accounts ALTER COLUMN plan DROP NOT NULL;
