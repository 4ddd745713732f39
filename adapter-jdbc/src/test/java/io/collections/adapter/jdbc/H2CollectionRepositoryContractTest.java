package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.CollectionRepositoryContract;

class H2CollectionRepositoryContractTest extends CollectionRepositoryContract {
    @Override
    protected Adapters createAdapters() {
        return TestDatabases.h2Adapters();
    }
}
