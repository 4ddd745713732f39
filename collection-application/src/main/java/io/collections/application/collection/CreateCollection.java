package io.collections.application.collection;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.IdGenerator;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.rule.RuleSet;
import java.time.Clock;

/** Creates a collection; its rule matches are members at once, and the answer carries the exact count. */
public final class CreateCollection {
    private final Transactions transactions;
    private final CollectionRepository collections;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateCollection(Transactions transactions, CollectionRepository collections, IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.collections = collections;
        this.ids = ids;
        this.clock = clock;
    }

    /** What to create; only the name is required, the rest falls back to the defaults. */
    public record Command(String name, CollectionStatus status, String imageId, RuleSet rules, SortOrder sortBy) {
        public Command {
            ProductCollection.checkName(name);
        }

        public static Command named(String name) {
            return new Command(name, null, null, null, null);
        }
    }

    public ProductCollection execute(Caller caller, Command command) {
        caller.requireWrite();
        return transactions.inTransaction(() -> {
            ProductCollection created = ProductCollection.create(ids.nextCollectionId(), caller.clientId(),
                    command.name(), command.status(), command.imageId(), command.rules(), command.sortBy(),
                    caller.userId(), UseCaseSupport.now(clock));
            collections.insert(created);
            if (!created.ruleSet().isEmpty()) {
                collections.refreshRuleMatches(created);
            }
            return UseCaseSupport.collection(collections, caller.clientId(), created.id());
        });
    }
}
