-- When the provider says an imported product was created and last updated there (decision 0080); null for
-- products made here and for providers that do not say. Numbered after V50 so that a database already at V50
-- takes it in order. One text for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE products ADD COLUMN source_created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE products ADD COLUMN source_updated_at TIMESTAMP WITH TIME ZONE;
