-- Memberships keyed by the manual order (decision 0102): the primary key (collection_id, position, product_id)
-- lists a collection in its manual order and replaces the position index, and the unique index
-- (product_id, collection_id) finds a product's rows and keeps one row per pair. H2 keeps a table in a row map
-- plus one B-tree per index, so a membership row now costs three B-trees instead of four, and a product that
-- joins 61 collections writes 61 fewer pages at random.
-- One text for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE memberships_by_order (
    collection_id BIGINT  NOT NULL,
    product_id    BIGINT  NOT NULL,
    matched       BOOLEAN NOT NULL,
    added         BOOLEAN NOT NULL,
    removed       BOOLEAN NOT NULL,
    position      BIGINT  NOT NULL,
    CONSTRAINT memberships_order PRIMARY KEY (collection_id, position, product_id)
);
INSERT INTO memberships_by_order (collection_id, product_id, matched, added, removed, position)
    SELECT collection_id, product_id, matched, added, removed, position FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_by_order RENAME TO memberships;
CREATE UNIQUE INDEX memberships_product ON memberships (product_id, collection_id);
