CREATE TABLE accounts_v2 (id bigint PRIMARY KEY, status text NOT NULL);
INSERT INTO accounts_v2 (id, status) SELECT id, 'active' FROM accounts;
-- expect: same-release-cleanup
DROP TABLE accounts;
