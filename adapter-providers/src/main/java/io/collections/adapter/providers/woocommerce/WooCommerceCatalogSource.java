package io.collections.adapter.providers.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.fetch.FetchRun;
import io.collections.adapter.providers.fetch.JsonStreams;
import io.collections.adapter.providers.fetch.PageBuilder;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.http.HeaderCredentials;
import io.collections.adapter.providers.http.OutboundHttp;
import io.collections.adapter.providers.http.UserBaseUrl;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.WooCommerceAccount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A store's whole catalog from the WooCommerce REST API v3 ({@code GET {store_url}/wp-json/wc/v3/products}):
 * 100 a page, {@code orderby=id&order=asc} (the default date order duplicates and loses products that share a
 * date), until an empty page or {@code X-WP-TotalPages}; the currency from {@code data/currencies/current};
 * variable products priced from their variations. Stores without pretty permalinks are reached through
 * {@code ?rest_route=}. HTTP Basic with the consumer key and secret, never in a URL (so the platform's fallback of
 * credentials in the query string is never used).
 */
public final class WooCommerceCatalogSource implements CatalogSource {
    public static final int PAGE_SIZE = 100;
    /**
     * After a 5xx, a timeout or a dropped connection the page is asked again as two pages of 50 (weak hosts time
     * out building 100 products); the next page at a multiple of 100 goes back to 100.
     */
    static final int REDUCED_PAGE_SIZE = 50;
    /** A variable product with more than 10,000 variations is priced from its first 10,000. */
    static final int VARIATION_PAGE_CAP = 100;
    private static final String PROVIDER = Provider.WOOCOMMERCE.pathName();

    private final OutboundHttp outbound;
    private final ProviderSettings settings;

    public WooCommerceCatalogSource(OutboundHttp outbound, ProviderSettings settings) {
        this.outbound = outbound;
        this.settings = settings;
    }

    @Override
    public Provider provider() {
        return Provider.WOOCOMMERCE;
    }

    @Override
    public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages) {
        if (!(account instanceof WooCommerceAccount store)) {
            throw new IllegalArgumentException("a WooCommerce fetch needs a WooCommerceAccount, got "
                    + account.provider());
        }
        HttpUrl storeRoot = storeRoot(store.storeUrl());
        String key = HeaderCredentials.sendable(PROVIDER, "consumer_key", store.consumerKey());
        String secret = HeaderCredentials.sendable(PROVIDER, "consumer_secret", store.consumerSecret());
        String authorization = Credentials.basic(key, secret, StandardCharsets.UTF_8);
        FetchRun run = new FetchRun(outbound.session(PROVIDER, outbound.client(),
                List.of(key, secret, authorization)), account, settings.pageCap(),
                outbound.clock());
        Store located = locate(run, storeRoot, authorization);
        WooRoutes api = located.routes();
        String currency = located.currency();
        int position = 0;
        while (true) {
            PageBuilder page = run.newPage();
            int start = position;
            WooPage answer = run.call(strains -> {
                int size = strains > 0 || start % PAGE_SIZE != 0 ? REDUCED_PAGE_SIZE : PAGE_SIZE;
                return get(list(api.route("products"), start / size + 1, size), authorization);
            }, WooHandlers.LIST);
            if (answer.items().isEmpty()) {
                break;
            }
            for (JsonNode product : answer.items()) {
                List<String> variationPrices = WooProductMapping.isVariable(product)
                        ? variationPrices(run, api, authorization, WooProductMapping.externalId(product))
                        : List.of();
                page.add(WooProductMapping.externalId(product), WooProductMapping.times(product),
                        () -> WooProductMapping.map(product, currency, variationPrices));
            }
            run.emit(page, pages);
            if (answer.isLast()) {
                break;
            }
            position += answer.perPage();
        }
        return run.summary();
    }

    /**
     * The {@code price} of each variation, paged like products; a page that repeats the variations already read
     * (a plugin or cache ignoring {@code page}) ends the listing, since every variation is then in hand.
     */
    private static List<String> variationPrices(FetchRun run, WooRoutes api, String authorization,
            String productId) {
        if (productId == null || !productId.matches("\\d{1,19}")) {
            return List.of();
        }
        List<String> prices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int pageNumber = 1; pageNumber <= VARIATION_PAGE_CAP; pageNumber++) {
            WooPage answer = run.call(get(list(api.route("products/" + productId + "/variations"), pageNumber,
                    PAGE_SIZE), authorization), WooHandlers.LIST);
            boolean advanced = false;
            for (JsonNode variation : answer.items()) {
                String id = JsonStreams.text(variation, "id");
                if (id == null || seen.add(id)) {
                    advanced = true;
                    prices.add(JsonStreams.text(variation, "price"));
                }
            }
            if (!advanced || answer.isLast()) {
                break;
            }
        }
        return prices;
    }

    /** Where the store's API answers, and its currency. */
    private record Store(WooRoutes routes, String currency) {
    }

    /** Asks for the currency with pretty permalinks, then without. */
    private static Store locate(FetchRun run, HttpUrl storeRoot, String authorization) {
        WooRoutes pretty = WooRoutes.pretty(storeRoot);
        try {
            return new Store(pretty, run.call(get(pretty.route("data/currencies/current").build(), authorization),
                    WooHandlers.CURRENCY));
        } catch (CatalogFetchException notFound) {
            if (notFound.reason() != Reason.NOT_FOUND) {
                throw notFound;
            }
            WooRoutes plain = WooRoutes.plain(storeRoot);
            return new Store(plain, currencyWithoutPrettyPermalinks(run, plain, authorization, notFound));
        }
    }

    /**
     * A store without pretty permalinks answers {@code /wp-json/...} with WordPress's 404 page; its REST API is
     * then at {@code ?rest_route=/wc/v3/...}. If that is not found either, the store has no WooCommerce REST API.
     */
    private static String currencyWithoutPrettyPermalinks(FetchRun run, WooRoutes api, String authorization,
            CatalogFetchException prettyNotFound) {
        try {
            return run.call(get(api.route("data/currencies/current").build(), authorization), WooHandlers.CURRENCY);
        } catch (CatalogFetchException plainNotFound) {
            if (plainNotFound.reason() != Reason.NOT_FOUND) {
                throw plainNotFound;
            }
            throw new CatalogFetchException(PROVIDER, Reason.NOT_FOUND, "the store answers neither"
                    + " /wp-json/wc/v3/ nor ?rest_route=/wc/v3/; is WooCommerce installed at this store_url with"
                    + " its REST API enabled? (" + prettyNotFound.getMessage() + ")", prettyNotFound);
        }
    }

    /** The store's root, keeping a sub-directory install's path, always ending in {@code /}. */
    private HttpUrl storeRoot(String storeUrl) {
        HttpUrl base = UserBaseUrl.parse(PROVIDER, "store_url", storeUrl, settings.allowPrivateNetwork());
        List<String> segments = base.pathSegments();
        return segments.get(segments.size() - 1).isEmpty() ? base : base.newBuilder().addPathSegment("").build();
    }

    private static HttpUrl list(HttpUrl.Builder url, int pageNumber, int pageSize) {
        return url.addQueryParameter("per_page", Integer.toString(pageSize))
                .addQueryParameter("page", Integer.toString(pageNumber))
                .addQueryParameter("orderby", "id")
                .addQueryParameter("order", "asc")
                .build();
    }

    private static Request get(HttpUrl url, String authorization) {
        return new Request.Builder().url(url).header("Authorization", authorization)
                .header("Accept", "application/json").build();
    }
}
