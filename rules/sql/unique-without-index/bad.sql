-- expect: unique-without-index
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);

-- expect: unique-without-index
ALTER TABLE orders ADD PRIMARY KEY (id);
