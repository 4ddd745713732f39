package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.IdempotencyStoreContract;

class PostgresIdempotencyStoreContractTest extends IdempotencyStoreContract {
    @Override
    protected Adapters createAdapters() {
        return TestDatabases.postgresAdapters();
    }
}
