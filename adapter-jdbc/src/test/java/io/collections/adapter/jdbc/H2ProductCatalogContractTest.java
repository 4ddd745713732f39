package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.ProductCatalogContract;

class H2ProductCatalogContractTest extends ProductCatalogContract {
    @Override
    protected Adapters createAdapters() {
        return TestDatabases.h2Adapters();
    }
}
