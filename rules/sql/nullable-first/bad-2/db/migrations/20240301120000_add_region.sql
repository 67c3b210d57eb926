-- expect: nullable-first
ALTER TABLE `orders` ADD COLUMN `region_id` BIGINT NOT NULL;
