package io.collections.application.imports;

import io.collections.application.AccessDeniedException;
import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.ClientId;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates a collection from a provider's whole catalog, as one transaction: every valid product is upserted into
 * the client's catalog (keyed by provider, account and external id, so importing again updates), the collection
 * is created with them as members, and nothing of it is visible unless all of it is. Runs at once, or in the
 * background as a job that any instance can take over when the one running it dies.
 */
public final class ImportCatalog {
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
        return run(job, command.account());
    }

    /** Queues the import for a background worker and answers with the job at once. */
    public ImportJob submit(Caller caller, Command command) {
        return admit(caller, command, true, sealer.seal(AccountCodec.encode(command.account())));
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
        Instant now = clock.instant();
        Optional<ImportJob> claimed = jobs.claimNext(settings.instanceId(), now, now.plus(settings.lease()));
        if (claimed.isEmpty()) {
            return false;
        }
        ImportJob job = claimed.get();
        ProviderAccount account;
        try {
            account = AccountCodec.decode(job.provider(), sealer.open(job.sealedCredentials()));
        } catch (RuntimeException e) {
            jobs.update(job.failed("the credentials of this import cannot be read by this instance"
                    + " (COLLECTIONS_SECRET_KEY differs); submit it again", clock.instant()), settings.instanceId());
            return true;
        }
        try {
            run(job, account);
        } catch (RuntimeException alreadyRecorded) {
            // run() has recorded the failure on the job; a background worker has no one else to tell.
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

    private ImportResult run(ImportJob job, ProviderAccount account) {
        AtomicBoolean leaseLost = new AtomicBoolean();
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> {
            if (!jobs.heartbeat(job.id(), settings.instanceId(), clock.instant().plus(settings.lease()))) {
                leaseLost.set(true);
            }
        }, settings.heartbeat().toMillis(), settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        Progress progress = new Progress(job, leaseLost);
        try {
            ImportResult result = importCatalog(job, account, progress);
            jobs.update(progress.job.succeeded(result.collection().id(), clock.instant()), settings.instanceId());
            return result;
        } catch (RuntimeException failure) {
            jobs.update(progress.job.failed(describe(failure), clock.instant()), settings.instanceId());
            throw failure;
        } finally {
            heartbeat.cancel(false);
        }
    }

    private ImportResult importCatalog(ImportJob job, ProviderAccount account, Progress progress) {
        CatalogSource source = sources.get(job.provider());
        if (source == null) {
            throw new IllegalStateException("no catalog source for " + job.provider().pathName());
        }
        return transactions.inTransaction(() -> {
            Instant now = UseCaseSupport.now(clock);
            String name = job.requestedName() != null ? job.requestedName()
                    : uniqueName(job.clientId(), job.provider(), now);
            ProductCollection collection = ProductCollection.create(ids.nextCollectionId(), job.clientId(), name,
                    job.requestedStatus(), null, RuleSet.NONE, null, job.requestedBy(), now);
            collections.insert(collection);
            ImageCounter images = new ImageCounter();
            FetchSummary summary = source.fetch(account, page -> {
                progress.ensureLeaseHeld();
                List<Product> upserted = upsert(job.clientId(), job.requestedBy(), page, now);
                collections.refreshMemberships(job.clientId(), upserted);
                collections.addMembers(job.clientId(), collection.id(), upserted.stream().map(Product::id).toList());
                upserted.forEach(p -> p.details().imageUrls().forEach(images::add));
                progress.advance(page);
            });
            ProductCollection done = UseCaseSupport.collection(collections, job.clientId(), collection.id());
            return new ImportResult(done, images.count(), summary.fetched(), summary.skipped());
        });
    }

    private List<Product> upsert(ClientId clientId, UserId by, CatalogPage page, Instant now) {
        Map<String, ProductDetails> byExternalId = new LinkedHashMap<>();
        String provider = null;
        String account = null;
        for (ProductDetails details : page.products()) {
            byExternalId.put(details.source().externalId(), details);
            provider = details.source().provider();
            account = details.source().account();
        }
        if (byExternalId.isEmpty()) {
            return List.of();
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
        return all;
    }

    private String uniqueName(ClientId clientId, Provider provider, Instant now) {
        String base = provider.pathName() + "_collection_" + DATE.format(now);
        String candidate = base;
        for (int suffix = 2; collections.nameExists(clientId, candidate); suffix++) {
            candidate = base + "_" + suffix;
        }
        return candidate;
    }

    private static String describe(RuntimeException failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    /** The job's counters as pages arrive, written through so GET /v1/imports/{id} shows them. */
    private final class Progress {
        private ImportJob job;
        private final AtomicBoolean leaseLost;

        Progress(ImportJob job, AtomicBoolean leaseLost) {
            this.job = job;
            this.leaseLost = leaseLost;
        }

        void ensureLeaseHeld() {
            if (leaseLost.get()) {
                throw new IllegalStateException("import " + job.id() + " was taken over by another instance");
            }
        }

        void advance(CatalogPage page) {
            job = job.withProgress(job.processed() + page.read(), job.skipped() + page.skipped().size(),
                    clock.instant());
            if (!jobs.update(job, settings.instanceId())) {
                leaseLost.set(true);
                ensureLeaseHeld();
            }
        }
    }
}
