-- A row per client that picks collection names for it (an import's default name, decision 0113): held with
-- FOR UPDATE from picking a free name until the commit, so two imports running at once do not pick the same one.
-- Rows are made on first use. One text for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE collection_name_locks (
    client_id VARCHAR(128) NOT NULL PRIMARY KEY
);
