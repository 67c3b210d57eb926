-- expect: unbatched-backfill
UPDATE customers SET shipping_verified = true;
