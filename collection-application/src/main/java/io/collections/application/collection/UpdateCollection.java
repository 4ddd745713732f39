package io.collections.application.collection;

import io.collections.application.Caller;
import io.collections.application.PreconditionFailedException;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.CollectionId;
import io.collections.domain.ConflictException;
import io.collections.domain.NotFoundException;
import io.collections.domain.UserId;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Changes the fields given and leaves the others as they are. A rules change re-evaluates membership in the
 * same transaction, so the answer's {@code product_count} is already exact.
 */
public final class UpdateCollection {
    private final Transactions transactions;
    private final CollectionRepository collections;
    private final Clock clock;

    public UpdateCollection(Transactions transactions, CollectionRepository collections, Clock clock) {
        this.transactions = transactions;
        this.collections = collections;
        this.clock = clock;
    }

    /**
     * The changes; an empty Optional leaves a field as it is. {@code imageId} holds an empty inner Optional to
     * clear the image. {@code expectedVersion}, when not null, must be the stored version (If-Match).
     */
    public record Command(CollectionId id, Long expectedVersion, Optional<String> name,
            Optional<CollectionStatus> status, Optional<Optional<String>> imageId,
            Optional<List<InclusionRule>> rules, Optional<Boolean> matchAllRules, Optional<SortOrder> sortBy) {

        public static Command of(CollectionId id) {
            return new Command(id, null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }

        public Command withName(String newName) {
            return new Command(id, expectedVersion, Optional.of(newName), status, imageId, rules, matchAllRules, sortBy);
        }

        public Command withStatus(CollectionStatus newStatus) {
            return new Command(id, expectedVersion, name, Optional.of(newStatus), imageId, rules, matchAllRules,
                    sortBy);
        }

        public Command withRules(List<InclusionRule> newRules) {
            return new Command(id, expectedVersion, name, status, imageId, Optional.of(newRules), matchAllRules,
                    sortBy);
        }

        public Command withMatchAllRules(boolean matchAll) {
            return new Command(id, expectedVersion, name, status, imageId, rules, Optional.of(matchAll), sortBy);
        }

        public Command withExpectedVersion(long version) {
            return new Command(id, version, name, status, imageId, rules, matchAllRules, sortBy);
        }
    }

    /**
     * Applies the command on the collection's row, held until the commit: changes of one collection made at the same
     * time apply one after the other, each to what the one before left. With {@code If-Match}, a version that is no
     * longer current is a 412.
     */
    public ProductCollection execute(Caller caller, Command command) {
        caller.requireWrite();
        return transactions.inTransaction(() -> {
            ProductCollection current = collections.findForUpdate(caller.clientId(), command.id())
                    .orElseThrow(() -> new NotFoundException("collection", command.id()));
            if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
                throw new PreconditionFailedException("collection " + command.id() + " has changed since version "
                        + command.expectedVersion());
            }
            ProductCollection changed = apply(current, command, caller.userId(), UseCaseSupport.now(clock));
            if (changed == current) {
                return current;
            }
            if (!collections.update(changed, current.version())) {
                // Cannot happen while the row is held; an adapter that does not hold it ends here.
                throw new ConflictException("collection " + command.id() + " was changed by another request;"
                        + " read it again and retry", List.of());
            }
            if (!changed.ruleSet().equals(current.ruleSet())) {
                collections.refreshRuleMatches(changed);
            }
            return UseCaseSupport.collection(collections, caller.clientId(), command.id());
        });
    }

    private static ProductCollection apply(ProductCollection current, Command command, UserId by, Instant at) {
        // A restore must come first (an archived collection refuses everything else); an archive must come last.
        boolean restoring = current.status() == CollectionStatus.ARCHIVED;
        ProductCollection result = current;
        if (restoring && command.status().isPresent()) {
            result = result.changeStatus(command.status().get(), by, at);
        }
        result = applyFields(result, command, by, at);
        if (!restoring && command.status().isPresent()) {
            result = result.changeStatus(command.status().get(), by, at);
        }
        return result;
    }

    private static ProductCollection applyFields(ProductCollection current, Command command, UserId by, Instant at) {
        ProductCollection result = current;
        if (command.name().isPresent() && !command.name().get().strip().equals(result.name())) {
            result = result.rename(command.name().get(), by, at);
        }
        if (command.imageId().isPresent() && !command.imageId().get().equals(Optional.ofNullable(result.imageId()))) {
            result = result.changeImage(command.imageId().get().orElse(null), by, at);
        }
        RuleSet rules = result.ruleSet();
        if (command.rules().isPresent()) {
            rules = rules.withRules(command.rules().get());
        }
        if (command.matchAllRules().isPresent()) {
            rules = rules.withMatchAll(command.matchAllRules().get());
        }
        if (!rules.equals(result.ruleSet())) {
            result = result.replaceRules(rules, by, at);
        }
        if (command.sortBy().isPresent() && command.sortBy().get() != result.sortOrder()) {
            result = result.changeSortOrder(command.sortBy().get(), by, at);
        }
        return result;
    }
}
