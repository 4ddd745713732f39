package io.collections.application.memory;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.CollectionRepositoryContract;

class InMemoryCollectionRepositoryContractTest extends CollectionRepositoryContract {
    @Override
    protected Adapters createAdapters() {
        return Adapters.of(InMemoryAdapters.create());
    }
}
