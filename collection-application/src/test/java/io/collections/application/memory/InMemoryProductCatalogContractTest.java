package io.collections.application.memory;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.ProductCatalogContract;

class InMemoryProductCatalogContractTest extends ProductCatalogContract {
    @Override
    protected Adapters createAdapters() {
        return Adapters.of(InMemoryAdapters.create());
    }
}
