package io.collections.adapter.providers.testing;

import io.collections.adapter.providers.fetch.FetchRun;
import io.collections.adapter.providers.fetch.PageBuilder;
import io.collections.adapter.providers.http.OutboundHttp;
import io.collections.adapter.providers.http.RetryPolicy;
import io.collections.adapter.providers.http.Timeouts;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.ProviderAccount;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Dns;

/**
 * A fetch run without any request, for mapping tests: pages are filled by hand and emitted through the same
 * {@link PageBuilder} and guard the fetchers use, so skip reasons and duplicates are counted as in a real fetch.
 */
public final class FetchRunHarness {
    private static final CatalogPage NOTHING = new CatalogPage(List.of(), List.of());

    private final FetchRun run;
    private final List<CatalogPage> emitted = new ArrayList<>();

    private FetchRunHarness(ProviderAccount account) {
        OutboundHttp outbound = new OutboundHttp(true, Timeouts.DEFAULT, RetryPolicy.DEFAULT, Dns.SYSTEM,
                duration -> { }, Clock.systemUTC(), () -> 0.5);
        this.run = new FetchRun(outbound.session(account.provider().pathName(), outbound.client(), List.of()),
                account, 1_000, Clock.systemUTC());
    }

    public static FetchRunHarness of(ProviderAccount account) {
        return new FetchRunHarness(account);
    }

    /** Fills one page and emits it; an empty page (nothing read) comes back empty, as it is never emitted. */
    public CatalogPage page(Consumer<PageBuilder> fill) {
        PageBuilder page = run.newPage();
        fill.accept(page);
        int before = emitted.size();
        run.emit(page, emitted::add);
        return emitted.size() > before ? emitted.get(emitted.size() - 1) : NOTHING;
    }
}
