package io.collections.application.memory;

import io.collections.application.contract.ImportJobsContract;
import io.collections.application.imports.ImportJobs;

/** The in-memory job table against the contract every adapter shares. */
class InMemoryImportJobsContractTest extends ImportJobsContract {

    @Override
    protected ImportJobs newImportJobs() {
        return new InMemoryImportJobs();
    }
}
