CREATE TABLE audit_log (id bigint PRIMARY KEY, body text);
-- expect: migration-without-packet
DROP TABLE legacy_orders;
TRUNCATE import_staging;
