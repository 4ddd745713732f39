package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.ProductCatalogContract;

class PostgresProductCatalogContractTest extends ProductCatalogContract {
    @Override
    protected Adapters createAdapters() {
        return TestDatabases.postgresAdapters();
    }
}
