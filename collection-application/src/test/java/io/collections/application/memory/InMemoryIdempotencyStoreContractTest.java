package io.collections.application.memory;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.IdempotencyStoreContract;

class InMemoryIdempotencyStoreContractTest extends IdempotencyStoreContract {
    @Override
    protected Adapters createAdapters() {
        return Adapters.of(InMemoryAdapters.create());
    }
}
