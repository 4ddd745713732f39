package io.collections.adapter.providers.fetch;

import io.collections.adapter.providers.http.ProviderSession;
import io.collections.adapter.providers.http.ResponseHandler;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.ProviderAccount;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import okhttp3.Request;

/**
 * One fetch of one account, from first page to summary: requests go through its {@link ProviderSession} (retries
 * counted), pages through its {@link PagingGuard}, and emitted pages into its {@link FetchTally}. A fetcher's loop:
 * {@code newPage()}, {@code call(...)} and {@code add(...)} each product, {@code follow(cursor)}, {@code emit(...)};
 * at the end, {@code summary()}.
 */
public final class FetchRun {
    private final ProviderSession session;
    private final ProviderAccount account;
    private final PagingGuard guard;
    private final FetchTally tally;

    public FetchRun(ProviderSession session, ProviderAccount account, int pageCap, Clock clock) {
        this.session = session;
        this.account = account;
        this.guard = new PagingGuard(session.provider(), pageCap);
        this.tally = new FetchTally(clock);
    }

    /** Counts a page about to be requested (checking the page cap) and starts collecting its products. */
    public PageBuilder newPage() {
        guard.nextPage();
        return new PageBuilder(session.provider(), account.account(), guard);
    }

    public <T> T call(Request request, ResponseHandler<T> handler) {
        return session.call(request, handler);
    }

    /** A request that may change after the server strained (a smaller page); see {@link ProviderSession}. */
    public <T> T call(IntFunction<Request> requests, ResponseHandler<T> handler) {
        return session.call(requests, handler);
    }

    /** Checks the cursor of the next page before following it. */
    public void follow(String cursor) {
        guard.follow(cursor);
    }

    /** Hands a page to the caller; a non-empty page of products all fetched before ends the fetch. */
    public void emit(PageBuilder page, Consumer<CatalogPage> pages) {
        guard.checkAdvanced(page.read(), page.repeated());
        CatalogPage built = page.build();
        if (built.read() > 0) {
            tally.page(built);
            pages.accept(built);
        }
    }

    public ProviderSession session() {
        return session;
    }

    public FetchSummary summary() {
        return tally.summary(guard.pages(), session.retries());
    }
}
