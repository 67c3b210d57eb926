UPDATE currencies SET symbol = code WHERE symbol IS NULL;
