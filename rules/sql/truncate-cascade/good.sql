TRUNCATE sessions, session_events;
TRUNCATE TABLE staging_import RESTART IDENTITY;
