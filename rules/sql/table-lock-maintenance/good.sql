VACUUM ANALYZE accounts;
REINDEX TABLE CONCURRENTLY accounts;
REFRESH MATERIALIZED VIEW CONCURRENTLY account_totals;

-- a table this change creates
CREATE TABLE staging_rows (id bigint);
ALTER TABLE staging_rows SET UNLOGGED;
