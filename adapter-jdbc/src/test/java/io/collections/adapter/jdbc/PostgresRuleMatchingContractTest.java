package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.RuleMatchingContract;

class PostgresRuleMatchingContractTest extends RuleMatchingContract {
    @Override
    protected Adapters createAdapters() {
        return TestDatabases.postgresAdapters();
    }
}
