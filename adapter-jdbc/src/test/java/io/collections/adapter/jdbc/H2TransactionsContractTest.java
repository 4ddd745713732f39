package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.TransactionsContract;

class H2TransactionsContractTest extends TransactionsContract {
    @Override
    protected Adapters createAdapters() {
        return TestDatabases.h2Adapters();
    }
}
