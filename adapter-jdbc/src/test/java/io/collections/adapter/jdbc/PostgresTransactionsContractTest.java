package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.TransactionsContract;

class PostgresTransactionsContractTest extends TransactionsContract {
    @Override
    protected Adapters createAdapters() {
        return TestDatabases.postgresAdapters();
    }
}
