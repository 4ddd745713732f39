package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.RuleMatchingContract;

class H2RuleMatchingContractTest extends RuleMatchingContract {
    @Override
    protected Adapters createAdapters() {
        return TestDatabases.h2Adapters();
    }
}
