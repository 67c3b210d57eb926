-- expect: migration-fails
ALTER TABLE accounts ALTER COLUMN emial SET DEFAULT '';
