-- expect: json-column
ALTER TABLE accounts ADD COLUMN settings json;
