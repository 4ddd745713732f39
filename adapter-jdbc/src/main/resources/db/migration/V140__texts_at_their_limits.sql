-- Limits count characters (code points), and the stored lists escape what they hold: 250 tags of 255 control
-- characters take 383,251 characters as JSON, 250 image URLs up to 3,072,751; H2 counts UTF-16 units, so a
-- 255-character image id of emoji takes 510. TEXT is unbounded on PostgreSQL (from VARCHAR, without rewriting the
-- table) and VARCHAR's maximum on H2 in PostgreSQL mode.
ALTER TABLE products ALTER COLUMN tags SET DATA TYPE TEXT;
ALTER TABLE products ALTER COLUMN image_urls SET DATA TYPE TEXT;
ALTER TABLE collections ALTER COLUMN image_id SET DATA TYPE VARCHAR(1024);
