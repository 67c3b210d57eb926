UPDATE orders SET total_cents = amount * 100 WHERE id BETWEEN 1 AND 10000;
