package io.collections.adapter.providers.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.fetch.FetchRun;
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
import io.collections.domain.catalog.ShopifyAccount;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A shop's whole catalog from the Shopify GraphQL Admin API ({@code POST /admin/api/{version}/graphql.json}, the
 * version pinned in configuration): the {@code products} connection, 250 a page, following
 * {@code pageInfo.endCursor} while {@code hasNextPage}; a query over the single-query cost limit is asked again
 * with fewer products. The token travels in {@code X-Shopify-Access-Token}, never in a URL.
 */
public final class ShopifyCatalogSource implements CatalogSource {
    public static final int MAX_PAGE_SIZE = 250;
    private static final String PROVIDER = Provider.SHOPIFY.pathName();
    private static final MediaType JSON = MediaType.get("application/json");

    private final OutboundHttp outbound;
    private final ProviderSettings settings;
    private final ShopifyPageHandler handler = new ShopifyPageHandler();

    public ShopifyCatalogSource(OutboundHttp outbound, ProviderSettings settings) {
        this.outbound = outbound;
        this.settings = settings;
    }

    @Override
    public Provider provider() {
        return Provider.SHOPIFY;
    }

    @Override
    public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages) {
        if (!(account instanceof ShopifyAccount shop)) {
            throw new IllegalArgumentException("a Shopify fetch needs a ShopifyAccount, got " + account.provider());
        }
        HttpUrl endpoint = endpoint(shop);
        String token = HeaderCredentials.sendable(PROVIDER, "access_token", shop.accessToken());
        FetchRun run = new FetchRun(outbound.session(PROVIDER, outbound.client(), List.of(token)),
                account, settings.pageCap(), outbound.clock());
        int first = MAX_PAGE_SIZE;
        String after = null;
        ShopifyPage answer;
        do {
            PageBuilder page = run.newPage();
            answer = call(run, endpoint, token, first, after);
            while (answer.costExceeded() != null) {
                first = answer.costExceeded().smallerPageSize(first);
                if (first < 1) {
                    throw new CatalogFetchException(PROVIDER, Reason.BAD_REQUEST,
                            "even one product a page exceeds Shopify's single-query cost limit");
                }
                answer = call(run, endpoint, token, first, after);
            }
            for (JsonNode node : answer.products()) {
                String currency = answer.shopCurrency();
                page.add(ShopifyProductMapping.externalId(node), ShopifyProductMapping.times(node),
                        () -> ShopifyProductMapping.map(node, currency));
            }
            run.emit(page, pages);
            if (answer.hasNextPage()) {
                run.follow(answer.endCursor());
                after = answer.endCursor();
            }
        } while (answer.hasNextPage());
        return run.summary();
    }

    /**
     * {@code https://{shop}/admin/api/{version}/graphql.json}; a bare handle ({@code acme}) means
     * {@code acme.myshopify.com} ({@link ShopifyAccount#address()}). Only the shop's scheme, host and port are
     * used, which is what names the account ({@link ShopifyAccount#key}).
     */
    private HttpUrl endpoint(ShopifyAccount shop) {
        HttpUrl base = UserBaseUrl.parse(PROVIDER, "shop", shop.address(), settings.allowPrivateNetwork());
        return new HttpUrl.Builder().scheme(base.scheme()).host(base.host()).port(base.port())
                .addPathSegments("admin/api/" + settings.shopifyApiVersion() + "/graphql.json").build();
    }

    /**
     * One page; after each 5xx, timeout or dropped connection the retry asks for half as many products (heavy
     * pages are what Shopify fails on), and the next page asks for the full size again.
     */
    private ShopifyPage call(FetchRun run, HttpUrl endpoint, String token, int first, String after) {
        return run.call(strains -> request(endpoint, token, Math.max(1, first >> Math.min(strains, 30)), after),
                handler);
    }

    private static Request request(HttpUrl endpoint, String token, int first, String after) {
        return new Request.Builder().url(endpoint)
                .header("X-Shopify-Access-Token", token)
                .header("Accept", "application/json")
                .post(RequestBody.create(ShopifyQuery.body(first, after), JSON))
                .build();
    }
}
