-- a table this change creates holds nothing yet
CREATE TABLE tmp_import (id bigint, payload text);
ALTER TABLE tmp_import DROP COLUMN payload;
DROP TABLE tmp_import;

-- a column swap keeps the name and the data
ALTER TABLE accounts ADD COLUMN plan_new text;
UPDATE accounts SET plan_new = plan;
ALTER TABLE accounts DROP COLUMN plan;
ALTER TABLE accounts RENAME COLUMN plan_new TO plan;
