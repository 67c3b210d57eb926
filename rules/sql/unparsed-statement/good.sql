ALTER TABLE accounts ADD COLUMN note text;
COMMENT ON COLUMN accounts.note IS 'free text';
CREATE INDEX CONCURRENTLY accounts_note_idx ON accounts (note);
