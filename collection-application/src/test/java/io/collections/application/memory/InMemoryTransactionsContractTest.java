package io.collections.application.memory;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.TransactionsContract;

class InMemoryTransactionsContractTest extends TransactionsContract {
    @Override
    protected Adapters createAdapters() {
        return Adapters.of(InMemoryAdapters.create());
    }
}
