ALTER TABLE accounts ADD COLUMN email_address text;

-- a table this change creates: no deployed code uses it yet
CREATE TABLE drafts (id bigint PRIMARY KEY, body text);
ALTER TABLE drafts RENAME COLUMN body TO content;
ALTER TABLE drafts RENAME TO draft_documents;
