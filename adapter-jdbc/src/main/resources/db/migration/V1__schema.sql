-- No foreign keys: the adapter deletes dependent rows itself in the same transaction, and a key check per row
-- would cost a lookup on every membership and tag written in bulk.
-- One schema for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15; see docs/decisions/0020-one-schema-h2-postgres.md.
-- ${binary_collation} is COLLATE "C" on PostgreSQL and empty on H2 (which already compares like Java strings),
-- so sorting folded text agrees with String.compareTo in the domain.

-- Ids for collections and products; SequenceIdGenerator takes a block of 1000 per call.
CREATE SEQUENCE id_sequence START WITH 100000000 INCREMENT BY 1000;

CREATE TABLE collections (
    id             BIGINT        NOT NULL PRIMARY KEY,
    client_id      VARCHAR(128)  NOT NULL,
    name           VARCHAR(1024) NOT NULL,
    folded_name    VARCHAR(4096) NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    image_id       VARCHAR(255),
    rules          VARCHAR(100000) NOT NULL,
    match_all      BOOLEAN       NOT NULL,
    -- true when a product must be checked against the rules even if none of its keys hits collection_rule_keys
    evaluate_always BOOLEAN      NOT NULL,
    sort_by        VARCHAR(32)   NOT NULL,
    product_count  BIGINT        NOT NULL,
    -- the next manual position handed to a product that becomes a member
    next_position  BIGINT        NOT NULL,
    version        BIGINT        NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(255)  NOT NULL,
    updated_by     VARCHAR(255)  NOT NULL
);
CREATE INDEX collections_newest ON collections (client_id, created_at DESC, id DESC);
CREATE INDEX collections_name ON collections (client_id, name);
CREATE INDEX collections_evaluate_always ON collections (client_id, evaluate_always);

-- Equality rules, so that a changed product finds the collections it may match without reading them all.
CREATE TABLE collection_rule_keys (
    client_id     VARCHAR(128) NOT NULL,
    rule_type     VARCHAR(32)  NOT NULL,
    folded_value  VARCHAR(1024) NOT NULL,
    collection_id BIGINT       NOT NULL,
    PRIMARY KEY (client_id, rule_type, folded_value, collection_id)
);
CREATE INDEX collection_rule_keys_collection ON collection_rule_keys (collection_id);

CREATE TABLE products (
    id                        BIGINT        NOT NULL PRIMARY KEY,
    client_id                 VARCHAR(128)  NOT NULL,
    name                      VARCHAR(1024) NOT NULL,
    brand_id                  VARCHAR(1024),
    metadata_id               VARCHAR(1024),
    image_id                  VARCHAR(1024),
    tangible                  BOOLEAN       NOT NULL,
    has_details               BOOLEAN       NOT NULL,
    has_pricing               BOOLEAN       NOT NULL,
    organized                 BOOLEAN       NOT NULL,
    published                 BOOLEAN       NOT NULL,
    needs_review              BOOLEAN       NOT NULL,
    out_of_sync               BOOLEAN       NOT NULL,
    syncing_paused_at         TIMESTAMP WITH TIME ZONE,
    status                    VARCHAR(256),
    model_type                VARCHAR(1024),
    product_code              VARCHAR(1024),
    product_category          VARCHAR(1024),
    product_type              VARCHAR(1024),
    product_lifecycle_status  VARCHAR(1024),
    -- price and weight as decimals for comparison and sorting, and as written, so "12.50" comes back as "12.50"
    weight                    DECIMAL(22, 6),
    weight_text               VARCHAR(64),
    weight_unit               VARCHAR(64),
    size_unit                 VARCHAR(64),
    length_text               VARCHAR(64),
    width_text                VARCHAR(64),
    height_text               VARCHAR(64),
    country_of_origin         VARCHAR(256),
    commodity_description     VARCHAR(40000),
    taxable                   BOOLEAN       NOT NULL,
    tax_code                  VARCHAR(256),
    brand                     VARCHAR(1024),
    tags                      VARCHAR(300000) NOT NULL,
    price                     DECIMAL(22, 6),
    price_text                VARCHAR(64),
    currency                  VARCHAR(3),
    image_urls                VARCHAR(1000000) NOT NULL,
    source_provider           VARCHAR(64),
    source_account            VARCHAR(512),
    source_external_id        VARCHAR(255),
    -- TextFolding.fold of the rule-relevant text attributes, computed in Java so SQL agrees with the domain
    folded_name                     VARCHAR(4096) ${binary_collation} NOT NULL,
    folded_product_type             VARCHAR(4096),
    folded_product_category         VARCHAR(4096),
    folded_product_code             VARCHAR(4096) ${binary_collation},
    folded_brand                    VARCHAR(4096),
    folded_brand_id                 VARCHAR(4096),
    folded_status                   VARCHAR(1024),
    folded_model_type               VARCHAR(4096),
    folded_product_lifecycle_status VARCHAR(4096),
    folded_country_of_origin        VARCHAR(1024),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                VARCHAR(255)  NOT NULL,
    updated_by                VARCHAR(255)  NOT NULL
);
CREATE INDEX products_newest ON products (client_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX products_source ON products (client_id, source_provider, source_account, source_external_id);
CREATE INDEX products_product_type ON products (client_id, folded_product_type);
CREATE INDEX products_product_category ON products (client_id, folded_product_category);
CREATE INDEX products_brand ON products (client_id, folded_brand);
CREATE INDEX products_price ON products (client_id, price);

CREATE TABLE product_tags (
    product_id BIGINT        NOT NULL,
    folded_tag VARCHAR(4096) NOT NULL,
    PRIMARY KEY (product_id, folded_tag)
);
CREATE INDEX product_tags_tag ON product_tags (folded_tag, product_id);

-- How each product stands with each collection; a row whose three flags are false is deleted.
CREATE TABLE memberships (
    collection_id BIGINT  NOT NULL,
    product_id    BIGINT  NOT NULL,
    matched       BOOLEAN NOT NULL,
    added         BOOLEAN NOT NULL,
    removed       BOOLEAN NOT NULL,
    position      BIGINT  NOT NULL,
    PRIMARY KEY (collection_id, product_id)
);
CREATE INDEX memberships_product ON memberships (product_id);
CREATE INDEX memberships_position ON memberships (collection_id, position);

CREATE TABLE idempotency_keys (
    client_id          VARCHAR(128)  NOT NULL,
    idempotency_key    VARCHAR(512)  NOT NULL,
    request_fingerprint VARCHAR(512) NOT NULL,
    response_status    INTEGER,
    response_body      VARCHAR(1000000),
    response_headers   VARCHAR(100000),
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
