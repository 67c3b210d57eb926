SET statement_timeout = '15min';
ALTER TABLE accounts ALTER COLUMN plan SET NOT NULL;
