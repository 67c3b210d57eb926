package app;

// still reads the column the migration drops
record Account(long id, boolean legacy_flag) {}
