-- An idempotent answer is stored whole: a batch of 1,000 products answers with several MiB, past the 1,000,000
-- characters VARCHAR held, and the failed write after the batch had committed let a retry run it again.
-- TEXT is unbounded on PostgreSQL and a character large object on H2. One text for H2 2.x (MODE=PostgreSQL) and
-- PostgreSQL 15.
ALTER TABLE idempotency_keys ALTER COLUMN response_body SET DATA TYPE TEXT;
