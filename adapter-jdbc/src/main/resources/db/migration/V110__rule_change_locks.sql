-- Orders a client's rule changes and product writes (decision 0100): a product write holds a share of the
-- client's lock from matching its products until it commits, a rule change holds all of it from its first change
-- until it commits, so a product is never matched against rules that are being replaced while the replacement
-- reads the catalog without it. PostgreSQL shares slot 0 (FOR SHARE); H2 has no shared row locks, so a product
-- write there locks one slot and a rule change every slot. Rows are made on first use.
-- One text for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE rule_change_locks (
    client_id VARCHAR(128) NOT NULL,
    slot      INTEGER      NOT NULL,
    PRIMARY KEY (client_id, slot)
);
