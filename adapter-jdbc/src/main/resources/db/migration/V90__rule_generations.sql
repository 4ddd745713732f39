-- The in-process rule index of each instance (decision 0090) stays exact through a per-client generation: every
-- write that changes a collection's rules raises it in the same transaction (the row lock orders those writes,
-- so a committed generation means every lower one is committed too) and stamps the collection with it. A product
-- write reads the generation and loads only the collections stamped after what its index holds.
-- One text for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE rule_generations (
    client_id  VARCHAR(128) NOT NULL PRIMARY KEY,
    generation BIGINT       NOT NULL
);
ALTER TABLE collections ADD COLUMN rules_generation BIGINT NOT NULL DEFAULT 0;
CREATE INDEX collections_rules_generation ON collections (client_id, rules_generation);
-- Collections that existed before: generation 1 covers them, so every index loads them at first use.
INSERT INTO rule_generations (client_id, generation) SELECT DISTINCT client_id, 1 FROM collections;
UPDATE collections SET rules_generation = 1;
-- The rule-key table and the evaluate_always flag served the SQL candidate search the index replaces.
DROP TABLE collection_rule_keys;
DROP INDEX collections_evaluate_always;
ALTER TABLE collections DROP COLUMN evaluate_always;
