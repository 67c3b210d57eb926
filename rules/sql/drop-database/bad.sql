-- expect: drop-database
DROP DATABASE analytics;
