VACUUM ANALYZE accounts;
REINDEX TABLE CONCURRENTLY accounts;
REFRESH MATERIALIZED VIEW CONCURRENTLY account_totals;

-- a table this change creates
CREATE TABLE staging_rows (id bigint);
ALTER TABLE staging_rows SET UNLOGGED;

-- a materialized view this change creates has no readers yet
CREATE MATERIALIZED VIEW plan_totals AS SELECT plan, count(*) AS n FROM accounts GROUP BY plan;
REFRESH MATERIALIZED VIEW plan_totals;

-- an index on a table this change creates
CREATE INDEX staging_rows_id_idx ON staging_rows (id);
REINDEX INDEX staging_rows_id_idx;
