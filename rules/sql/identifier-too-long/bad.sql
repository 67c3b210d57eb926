-- expect: identifier-too-long
CREATE INDEX accounts_billing_contact_email_address_lower_case_unique_partial_idx ON accounts (email);
