-- expect: table-lock-maintenance
VACUUM FULL accounts;

-- expect: table-lock-maintenance
CLUSTER orders USING orders_created_at_idx;

-- expect: table-lock-maintenance
REINDEX TABLE accounts;

-- expect: table-lock-maintenance
REFRESH MATERIALIZED VIEW account_totals;

-- expect: table-lock-maintenance
ALTER TABLE events SET LOGGED;
