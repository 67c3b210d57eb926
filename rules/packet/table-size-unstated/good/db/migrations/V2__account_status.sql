ALTER TABLE accounts ADD COLUMN account_status text;
CREATE TABLE account_flags (id bigint PRIMARY KEY, flag text);
CREATE INDEX account_flags_flag_idx ON account_flags (flag);
