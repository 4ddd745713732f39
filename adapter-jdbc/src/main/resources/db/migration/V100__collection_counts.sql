-- Each collection's member count and next manual position live in a narrow table of their own (decision 0100).
-- A product that joins 61 collections rewrites 61 count rows; in the collections table each of those rows sits
-- on a page of wide rows (names, rule JSON) that H2 has to read back into its cache and write out again at
-- commit, while pages of three longs stay cached and are cheap to write. It also takes the lock: membership
-- writers lock these rows, not the collection, so editing a collection's name does not wait on a product write.
-- One text for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE collection_counts (
    collection_id BIGINT NOT NULL PRIMARY KEY,
    product_count BIGINT NOT NULL,
    -- the next manual position handed to a product that becomes a member
    next_position BIGINT NOT NULL
);
INSERT INTO collection_counts (collection_id, product_count, next_position)
    SELECT id, product_count, next_position FROM collections;
ALTER TABLE collections DROP COLUMN product_count;
ALTER TABLE collections DROP COLUMN next_position;
