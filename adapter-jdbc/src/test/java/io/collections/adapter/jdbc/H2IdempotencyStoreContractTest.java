package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.IdempotencyStoreContract;

class H2IdempotencyStoreContractTest extends IdempotencyStoreContract {
    @Override
    protected Adapters createAdapters() {
        return TestDatabases.h2Adapters();
    }
}
