package io.collections.adapter.providers.googlemerchant;

import io.collections.adapter.providers.fetch.FetchRun;
import io.collections.adapter.providers.fetch.JsonStreams;
import io.collections.adapter.providers.fetch.PageBuilder;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.http.HeaderCredentials;
import io.collections.adapter.providers.http.OutboundHttp;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.GoogleMerchantAccount;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A Merchant Center account's processed products through Merchant API v1 {@code accounts.products.list}:
 * {@code GET /products/v1/accounts/{merchant_id}/products?pageSize=1000&pageToken=...}, with the OAuth token in
 * {@code Authorization: Bearer}, until a page comes without {@code nextPageToken}. The base URL (scheme, host and
 * port) is configurable; the path is always the API's own.
 */
public final class GoogleMerchantCatalogSource implements CatalogSource {
    /** The most Merchant API v1 returns in one page; larger values are coerced to it. */
    static final int PAGE_SIZE = 1_000;
    private static final String PROVIDER = Provider.GOOGLE_MERCHANT.pathName();
    private static final Pattern MERCHANT_ID = Pattern.compile("\\d{1,20}");

    private final ProviderSettings settings;
    private final OutboundHttp outbound;

    public GoogleMerchantCatalogSource(OutboundHttp outbound, ProviderSettings settings) {
        this.settings = settings;
        this.outbound = outbound;
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE_MERCHANT;
    }

    @Override
    public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages) {
        if (!(account instanceof GoogleMerchantAccount google)) {
            throw new IllegalArgumentException("a Google Merchant source fetches Google Merchant accounts, not "
                    + account.provider().pathName());
        }
        String merchantId = google.merchantId().strip();
        if (!MERCHANT_ID.matcher(merchantId).matches()) {
            throw new CatalogFetchException(PROVIDER, Reason.BAD_REQUEST,
                    "merchant_id must be the numeric Merchant Center account id");
        }
        String accessToken = HeaderCredentials.sendable(PROVIDER, "access_token", google.accessToken());
        String authorization = "Bearer " + accessToken;
        FetchRun run = new FetchRun(outbound.session(PROVIDER, outbound.client(), List.of(accessToken)),
                account, settings.pageCap(), outbound.clock());
        GoogleMerchantProductMapper mapper = new GoogleMerchantProductMapper(outbound.clock().instant());
        String pageToken = null;
        do {
            PageBuilder page = run.newPage();
            Request request = new Request.Builder().url(listUrl(merchantId, pageToken))
                    .header("Authorization", authorization)
                    .header("Accept", "application/json")
                    .get().build();
            GoogleMerchantListPage answer = run.call(request, GoogleMerchantListPage.HANDLER);
            // One offerId may be listed once per feed (content language and feed label); the resource name is
            // unique, so a second feed's copy is a duplicate while a listing seen twice means the paging loops.
            answer.products().forEach(product -> page.add(GoogleMerchantProductMapper.externalId(product),
                    JsonStreams.text(product, "name"), GoogleMerchantProductMapper.times(product),
                    () -> mapper.map(product)));
            run.emit(page, pages);
            pageToken = answer.nextPageToken();
            run.follow(pageToken);
        } while (pageToken != null);
        return run.summary();
    }

    /** The configured scheme, host and port, then the API's own path; the page token is query-encoded. */
    private HttpUrl listUrl(String merchantId, String pageToken) {
        HttpUrl base = settings.googleMerchantBaseUrl();
        HttpUrl.Builder url = new HttpUrl.Builder().scheme(base.scheme()).host(base.host()).port(base.port())
                .addPathSegments("products/v1/accounts").addPathSegment(merchantId).addPathSegment("products")
                .addQueryParameter("pageSize", Integer.toString(PAGE_SIZE));
        if (pageToken != null) {
            url.addQueryParameter("pageToken", pageToken);
        }
        return url.build();
    }
}
