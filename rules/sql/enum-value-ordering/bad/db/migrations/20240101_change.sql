-- expect: enum-value-ordering
ALTER TYPE account_status ADD VALUE 'suspended';
