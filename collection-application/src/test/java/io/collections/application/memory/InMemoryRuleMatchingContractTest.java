package io.collections.application.memory;

import io.collections.application.contract.Adapters;
import io.collections.application.contract.RuleMatchingContract;

class InMemoryRuleMatchingContractTest extends RuleMatchingContract {
    @Override
    protected Adapters createAdapters() {
        return Adapters.of(InMemoryAdapters.create());
    }
}
