-- expect: truncate-cascade
TRUNCATE sessions CASCADE;
