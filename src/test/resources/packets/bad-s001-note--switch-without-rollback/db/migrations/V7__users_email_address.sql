SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN email_address text;

CREATE OR REPLACE FUNCTION users_copy_email() RETURNS trigger AS $$
BEGIN
  NEW.email_address := NEW.email;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER users_copy_email BEFORE INSERT OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION users_copy_email();
