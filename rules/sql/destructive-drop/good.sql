-- a table this change creates holds nothing yet
CREATE TABLE tmp_import (id bigint, payload text);
ALTER TABLE tmp_import DROP COLUMN payload;
DROP TABLE tmp_import;
