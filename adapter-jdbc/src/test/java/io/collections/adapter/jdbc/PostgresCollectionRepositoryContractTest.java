package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.CollectionRepositoryContract;

class PostgresCollectionRepositoryContractTest extends CollectionRepositoryContract {
    @Override
    protected Adapters createAdapters() {
        return TestDatabases.postgresAdapters();
    }
}
