-- expect: detach-partition-not-concurrent
ALTER TABLE events DETACH PARTITION events_2023;
