-- expect: rollback-per-phase
DROP TABLE legacy_orders;
