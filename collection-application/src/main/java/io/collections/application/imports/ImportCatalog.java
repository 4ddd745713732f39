package io.collections.application.imports;

import io.collections.application.AccessDeniedException;
import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.ClientId;
import io.collections.domain.ConflictException;
import io.collections.domain.DomainException;
import io.collections.domain.IdGenerator;
import io.collections.domain.ProductId;
import io.collections.domain.UserId;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.RuleSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Creates a collection from a provider's whole catalog, as one transaction: every valid product is upserted into
 * the client's catalog (keyed by provider, account and external id, so importing again updates), the collection
 * is created with them as members, and nothing of it is visible unless all of it is. Runs at once, or in the
 * background as a job that any instance can take over when the one running it dies.
 */
public final class ImportCatalog {
    /**
     * A background import that a conflict with another write rolled back (a deadlock broken by the database, a lock
     * wait that timed out) runs again from the start after this pause, on whichever instance claims it then, as long
     * as it was submitted within {@link #CONFLICT_RETRY_WINDOW}; a synchronous one answers 409 and the client retries.
     */
    static final Duration CONFLICT_PAUSE = Duration.ofSeconds(10);
    static final Duration CONFLICT_RETRY_WINDOW = Duration.ofMinutes(30);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Transactions transactions;
    private final CollectionRepository collections;
    private final ProductCatalog catalog;
    private final ImportJobs jobs;
    private final Map<Provider, CatalogSource> sources;
    private final CredentialSealer sealer;
    private final IdGenerator ids;
    private final Clock clock;
    private final ScheduledExecutorService heartbeats;
    private final ImportSettings settings;
    private final SourceLocks sourceLocks = new SourceLocks();

    public ImportCatalog(Transactions transactions, CollectionRepository collections, ProductCatalog catalog,
            ImportJobs jobs, Map<Provider, CatalogSource> sources, CredentialSealer sealer, IdGenerator ids,
            Clock clock, ScheduledExecutorService heartbeats, ImportSettings settings) {
        this.transactions = transactions;
        this.collections = collections;
        this.catalog = catalog;
        this.jobs = jobs;
        this.sources = Map.copyOf(sources);
        this.sealer = sealer;
        this.ids = ids;
        this.clock = clock;
        this.heartbeats = heartbeats;
        this.settings = settings;
    }

    /** What to import, and optionally the collection's name (instead of the dated default) and status. */
    public record Command(ProviderAccount account, String name, CollectionStatus status) {
        public Command {
            if (name != null) {
                ProductCollection.checkName(name);
            }
        }
    }

    /** Imports now and answers when the collection exists. */
    public ImportResult execute(Caller caller, Command command) {
        ImportJob job = admit(caller, command, false, null);
        return run(job, command.account(), () -> false);
    }

    /** Queues the import for a background worker and answers with the job at once. */
    public ImportJob submit(Caller caller, Command command) {
        return admit(caller, command, true, sealer.seal(AccountCodec.encode(command.account()),
                owner(caller.clientId(), command.account().provider())));
    }

    /** What sealed credentials belong to: they open only for a job of this client and provider. */
    private static String owner(ClientId clientId, Provider provider) {
        return clientId.value() + "\n" + provider.pathName();
    }

    /** Reads one of the caller's imports. */
    public Optional<ImportJob> find(Caller caller, long id) {
        caller.requireRead();
        return jobs.find(caller.clientId(), id);
    }

    /**
     * Claims one queued (or abandoned) background job and runs it to its end.
     *
     * @return false when there was nothing to claim
     */
    public boolean runNextBackgroundJob() {
        return runNextBackgroundJob(() -> false);
    }

    /**
     * Like {@link #runNextBackgroundJob()}, but gives the job back (queued again, rolled back) at the next page
     * once {@code stopRequested} says so, so that an instance shutting down leaves it to the next claim instead of
     * failing it.
     *
     * @return false when there was nothing to claim
     * @throws RuntimeException an unexpected failure (the database, a bug), after recording it on the job; an
     *     import refused by the provider or by the model is only recorded
     */
    public boolean runNextBackgroundJob(BooleanSupplier stopRequested) {
        Instant now = clock.instant();
        Optional<ImportJob> claimed = jobs.claimNext(settings.instanceId(), now, now.plus(settings.lease()));
        if (claimed.isEmpty()) {
            return false;
        }
        ImportJob job = claimed.get();
        ProviderAccount account;
        try {
            account = AccountCodec.decode(job.provider(), sealer.open(job.sealedCredentials(),
                    owner(job.clientId(), job.provider())));
        } catch (RuntimeException e) {
            jobs.update(job.failed("the credentials of this import cannot be read by this instance"
                    + " (COLLECTIONS_SECRET_KEY differs); submit it again", clock.instant()), settings.instanceId());
            return true;
        }
        try {
            run(job, account, stopRequested);
        } catch (Abandoned stopped) {
            jobs.update(job.requeued(clock.instant()), settings.instanceId());
        } catch (RunAgainLater conflict) {
            Instant at = clock.instant();
            jobs.update(job.restarting(at), settings.instanceId());
            jobs.heartbeat(job.id(), settings.instanceId(), at.plus(CONFLICT_PAUSE));
        } catch (DomainException recorded) {
            // run() has recorded why on the job, which is where the client reads it; nothing else is owed.
            return true;
        }
        return true;
    }

    private ImportJob admit(Caller caller, Command command, boolean background, String sealedCredentials) {
        caller.requireWrite();
        Instant now = UseCaseSupport.now(clock);
        jobs.tryAcquireRate(caller.clientId(), settings.requestsPerSecond(), now).ifPresent(wait -> {
            throw new ImportLimitException(settings.requestsPerSecond(), wait);
        });
        ImportJob job = new ImportJob(0, caller.clientId(), caller.userId(), command.account().provider(),
                command.name(), command.status(), background, background ? ImportStatus.QUEUED : ImportStatus.RUNNING,
                0, 0, null, null, sealedCredentials, background ? null : settings.instanceId(),
                background ? null : now.plus(settings.lease()), now, now);
        return jobs.createIfBelowLimit(job, settings.maxActivePerClient()).orElseThrow(() -> new AccessDeniedException(
                "at most " + settings.maxActivePerClient() + " imports may be processing at once for a client; "
                        + jobs.countActive(caller.clientId(), now) + " are queued or running now"));
    }

    private ImportResult run(ImportJob job, ProviderAccount account, BooleanSupplier stopRequested) {
        AtomicBoolean leaseLost = new AtomicBoolean();
        Instant initialLease = job.leaseUntil() != null ? job.leaseUntil() : clock.instant().plus(settings.lease());
        AtomicReference<Instant> heldUntil = new AtomicReference<>(initialLease);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(
                () -> beat(job.id(), heldUntil, leaseLost),
                settings.heartbeat().toMillis(), settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        Progress progress = new Progress(job, leaseLost, stopRequested);
        try {
            ImportResult result = importCatalog(job, account, progress);
            jobs.update(progress.job.succeeded(result.collection().id(), clock.instant()), settings.instanceId());
            return result;
        } catch (Abandoned stopped) {
            throw stopped;
        } catch (ConflictException conflict) {
            if (job.background() && clock.instant().isBefore(job.createdAt().plus(CONFLICT_RETRY_WINDOW))) {
                throw new RunAgainLater(conflict);
            }
            throw recordedFailure(progress, conflict);
        } catch (RuntimeException failure) {
            throw recordedFailure(progress, failure);
        } finally {
            heartbeat.cancel(false);
        }
    }

    private RuntimeException recordedFailure(Progress progress, RuntimeException failure) {
        try {
            jobs.update(progress.job.failed(describe(failure), clock.instant()), settings.instanceId());
        } catch (RuntimeException recordingFailure) {
            // The job table may be down with the rest of the database; the import's own failure comes first.
            failure.addSuppressed(recordingFailure);
        }
        return failure;
    }

    /**
     * Renews the lease. A failed renewal (the database briefly away) is tried again at the next beat, since an
     * exception would end a scheduled task for good; once the lease may have lapsed, the import gives up, because
     * another instance may have claimed the job.
     */
    private void beat(long jobId, AtomicReference<Instant> heldUntil, AtomicBoolean leaseLost) {
        Instant until = clock.instant().plus(settings.lease());
        try {
            if (jobs.heartbeat(jobId, settings.instanceId(), until)) {
                heldUntil.set(until);
            } else {
                leaseLost.set(true);
            }
        } catch (RuntimeException renewalFailed) {
            if (!clock.instant().isBefore(heldUntil.get())) {
                leaseLost.set(true);
            }
        }
    }

    private ImportResult importCatalog(ImportJob job, ProviderAccount account, Progress progress) {
        CatalogSource source = sources.get(job.provider());
        if (source == null) {
            throw new IllegalStateException("no catalog source for " + job.provider().pathName());
        }
        String sourceKey = job.clientId().value() + "\n" + job.provider().pathName() + "\n" + account.account();
        try (SourceLocks.Held held = sourceLocks.acquire(sourceKey, progress::ensureLeaseHeld)) {
            return importInTransaction(job, account, progress, source);
        }
    }

    private ImportResult importInTransaction(ImportJob job, ProviderAccount account, Progress progress,
            CatalogSource source) {
        return transactions.inTransaction(() -> {
            Instant now = UseCaseSupport.now(clock);
            // The default name is picked at the end, under the client's names: another import that runs meanwhile
            // cannot see this one's collection before it commits, and would pick the same name.
            String name = job.requestedName() != null ? job.requestedName()
                    : defaultName(job.provider(), now) + "_importing_" + job.id();
            ProductCollection collection = ProductCollection.create(ids.nextCollectionId(), job.clientId(), name,
                    job.requestedStatus(), null, RuleSet.NONE, null, job.requestedBy(), now);
            collections.insert(collection);
            ImageCounter images = new ImageCounter();
            FetchSummary summary = FetchAhead.fetch(source, account, "import-fetch-" + job.id(), page -> {
                progress.ensureLeaseHeld();
                Upserted upserted = upsert(job.clientId(), job.requestedBy(), page, now);
                // Checked on every page, since a rule collection may be created while the import runs.
                if (!upserted.all().isEmpty() && collections.hasRuleCollections(job.clientId())) {
                    collections.refreshMemberships(job.clientId(), upserted.all());
                }
                addMembers(job.clientId(), collection, upserted);
                upserted.all().forEach(p -> p.details().imageUrls().forEach(images::add));
                progress.advance(page);
            }, progress::flush);
            ProductCollection done = UseCaseSupport.collection(collections, job.clientId(), collection.id());
            if (job.requestedName() == null) {
                done = named(done, uniqueName(job.clientId(), job.provider(), now));
            }
            progress.renewBeforeCommit();
            return new ImportResult(done, images.count(), summary.fetched(), summary.skipped());
        });
    }

    /** A page's products as stored, in page order, and which of them this page created. */
    private record Upserted(List<Product> all, Set<ProductId> created) {
    }

    /**
     * Adds the page's products to the new collection in page order: the ones this page created through the bulk
     * path (they are in no collection yet), runs of existing ones (a re-import, or a product the provider listed
     * twice) through the general one.
     */
    private void addMembers(ClientId clientId, ProductCollection collection, Upserted upserted) {
        List<ProductId> run = new ArrayList<>();
        boolean runIsNew = true;
        for (Product product : upserted.all()) {
            boolean isNew = upserted.created().contains(product.id());
            if (isNew != runIsNew && !run.isEmpty()) {
                addRun(clientId, collection, run, runIsNew);
                run = new ArrayList<>();
            }
            runIsNew = isNew;
            run.add(product.id());
        }
        if (!run.isEmpty()) {
            addRun(clientId, collection, run, runIsNew);
        }
    }

    private void addRun(ClientId clientId, ProductCollection collection, List<ProductId> run, boolean isNew) {
        if (isNew) {
            collections.addNewMembers(clientId, collection.id(), run);
        } else {
            collections.addMembers(clientId, collection.id(), run);
        }
    }

    private Upserted upsert(ClientId clientId, UserId by, CatalogPage page, Instant now) {
        Map<String, ProductDetails> byExternalId = new LinkedHashMap<>();
        String provider = null;
        String account = null;
        for (ProductDetails details : page.products()) {
            byExternalId.put(details.source().externalId(), details);
            provider = details.source().provider();
            account = details.source().account();
        }
        if (byExternalId.isEmpty()) {
            return new Upserted(List.of(), Set.of());
        }
        Map<String, Product> existing = catalog.findBySource(clientId, provider, account, byExternalId.keySet());
        List<Product> inserted = new ArrayList<>();
        List<Product> updated = new ArrayList<>();
        List<Product> all = new ArrayList<>(byExternalId.size());
        byExternalId.forEach((externalId, details) -> {
            Product current = existing.get(externalId);
            if (current == null) {
                Product created = Product.create(new ProductId(ids.nextId()), clientId, details, by, now);
                inserted.add(created);
                all.add(created);
            } else if (current.details().equals(details)) {
                all.add(current);
            } else {
                Product changed = current.withDetails(details, by, now);
                updated.add(changed);
                all.add(changed);
            }
        });
        catalog.insertAll(inserted);
        catalog.updateAll(updated);
        Set<ProductId> created = new HashSet<>();
        inserted.forEach(product -> created.add(product.id()));
        return new Upserted(all, created);
    }

    /**
     * Gives the import's collection its final name. Nobody else has seen the collection, since it is not committed
     * yet, so its version and times stay as they are.
     */
    private ProductCollection named(ProductCollection collection, String name) {
        ProductCollection named = ProductCollection.reconstitute(collection.id(), collection.clientId(), name,
                collection.status(), collection.imageId(), collection.ruleSet(), collection.sortOrder(),
                collection.productCount(), collection.version(), collection.createdAt(), collection.updatedAt(),
                collection.createdBy(), collection.updatedBy());
        if (!collections.update(named, collection.version())) {
            throw new IllegalStateException("the imported collection " + collection.id() + " changed before it"
                    + " was named");
        }
        return named;
    }

    private static String defaultName(Provider provider, Instant now) {
        return provider.pathName() + "_collection_" + DATE.format(now);
    }

    /** Holds the client's names until the import commits, then picks the first free one. */
    private String uniqueName(ClientId clientId, Provider provider, Instant now) {
        collections.holdNames(clientId);
        String base = defaultName(provider, now);
        String candidate = base;
        for (int suffix = 2; collections.nameExists(clientId, candidate); suffix++) {
            candidate = base + "_" + suffix;
        }
        return candidate;
    }

    /**
     * What the job's {@code error} tells the client: the provider's or the model's own reason, which are written
     * for the client; anything else (a database failure, a bug) only as a generic line, never its message, which
     * may hold SQL.
     */
    private static String describe(RuntimeException failure) {
        if (failure instanceof DomainException && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return "the import failed on the server side; it can be submitted again";
    }

    /** The instance stops: the import is rolled back and its job given back. */
    /** A background import rolled back by a conflict with another write, to be claimed again after a pause. */
    private static final class RunAgainLater extends RuntimeException {
        RunAgainLater(ConflictException conflict) {
            super(conflict.getMessage(), conflict, false, false);
        }
    }

    private static final class Abandoned extends RuntimeException {
        Abandoned(long jobId) {
            super("import " + jobId + " was given back because this instance is stopping", null, false, false);
        }
    }

    /** The job's counters as pages arrive, written to its row as they go so GET /v1/imports/{id} shows them. */
    private final class Progress {
        private ImportJob job;
        private final AtomicBoolean leaseLost;
        private final BooleanSupplier stopRequested;
        private boolean written;
        private boolean unwritten;
        private long lastWrite;

        Progress(ImportJob job, AtomicBoolean leaseLost, BooleanSupplier stopRequested) {
            this.job = job;
            this.leaseLost = leaseLost;
            this.stopRequested = stopRequested;
        }

        void ensureLeaseHeld() {
            if (stopRequested.getAsBoolean()) {
                throw new Abandoned(job.id());
            }
            if (leaseLost.get()) {
                throw takenOver();
            }
        }

        /**
         * Renews the lease right before the import commits, so no other instance can claim the job while the
         * commit runs: without it, a lease that lapsed after the last page could let a second run commit too.
         */
        void renewBeforeCommit() {
            if (leaseLost.get()
                    || !jobs.heartbeat(job.id(), settings.instanceId(), clock.instant().plus(settings.lease()))) {
                leaseLost.set(true);
                throw takenOver();
            }
        }

        private IllegalStateException takenOver() {
            return new IllegalStateException("import " + job.id() + " was taken over by another instance");
        }

        /**
         * Counts the page in; writes the row on the first page and then at most every progress interval, since a
         * fast import reads a page in a few milliseconds. The heartbeat still detects a lost lease in between.
         */
        void advance(CatalogPage page) {
            job = job.withProgress(job.processed() + page.read(), job.skipped() + page.skipped().size(),
                    clock.instant());
            unwritten = true;
            if (!written || System.nanoTime() - lastWrite >= settings.progressInterval().toNanos()) {
                write();
            }
        }

        /** Writes what is not written yet: the import waits for the provider, so the write costs it nothing. */
        void flush() {
            if (unwritten) {
                write();
            }
        }

        private void write() {
            written = true;
            unwritten = false;
            lastWrite = System.nanoTime();
            if (!jobs.update(job, settings.instanceId())) {
                leaseLost.set(true);
                ensureLeaseHeld();
            }
        }
    }
}
