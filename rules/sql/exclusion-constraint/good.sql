CREATE TABLE rooms (id bigint PRIMARY KEY, during tstzrange);
ALTER TABLE rooms ADD CONSTRAINT rooms_no_overlap EXCLUDE USING gist (id WITH =, during WITH &&);
ALTER TABLE bookings ADD CONSTRAINT bookings_room_check CHECK (room_id > 0) NOT VALID;
