package io.collections.adapter.providers.algolia;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.collections.adapter.providers.fetch.FetchRun;
import io.collections.adapter.providers.fetch.PageBuilder;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.http.HeaderCredentials;
import io.collections.adapter.providers.http.OutboundHttp;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import io.collections.domain.catalog.AlgoliaAccount;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * An Algolia index's records through the search API's {@code browse}:
 * {@code POST https://{application_id}-dsn.algolia.net/1/indexes/{index}/browse} with the application id and API
 * key in {@code X-Algolia-Application-Id} and {@code X-Algolia-API-Key}. The first body is
 * {@code {"hitsPerPage":1000}}; each next one is {@code {"cursor":...}} alone, because the cursor carries the first
 * request's parameters; the fetch ends on the first answer without a cursor. The cursor always travels in the body:
 * long cursors overflow URLs and base64's {@code +} breaks query strings.
 */
public final class AlgoliaCatalogSource implements CatalogSource {
    /** The most {@code browse} returns in one page. */
    static final int HITS_PER_PAGE = 1_000;
    private static final String PROVIDER = Provider.ALGOLIA.pathName();
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final String FIRST_BODY = "{\"hitsPerPage\":" + HITS_PER_PAGE + "}";

    private final ProviderSettings settings;
    private final OutboundHttp outbound;

    public AlgoliaCatalogSource(OutboundHttp outbound, ProviderSettings settings) {
        this.settings = settings;
        this.outbound = outbound;
    }

    @Override
    public Provider provider() {
        return Provider.ALGOLIA;
    }

    @Override
    public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages) {
        if (!(account instanceof AlgoliaAccount algolia)) {
            throw new IllegalArgumentException("an Algolia source fetches Algolia accounts, not "
                    + account.provider().pathName());
        }
        String applicationId = algolia.applicationId().strip();
        if (!APPLICATION_ID.matcher(applicationId).matches()) {
            throw refused("application_id must be letters and digits, as Algolia's dashboard shows it");
        }
        String apiKey = HeaderCredentials.sendable(PROVIDER, "api_key", algolia.apiKey());
        AlgoliaAttributeMapping mapping;
        try {
            mapping = AlgoliaAttributeMapping.of(algolia.attributeMapping());
        } catch (IllegalArgumentException unusable) {
            throw refused(unusable.getMessage());
        }
        HttpUrl url = browseUrl(applicationId, algolia.indexName().strip());
        FetchRun run = new FetchRun(outbound.session(PROVIDER, outbound.client(), List.of(apiKey)),
                account, settings.pageCap(), outbound.clock());
        AlgoliaProductAssembler assembler = new AlgoliaProductAssembler(mapping);
        String cursor = null;
        do {
            PageBuilder page = run.newPage();
            Request request = new Request.Builder().url(url)
                    .header("X-Algolia-Application-Id", applicationId)
                    .header("X-Algolia-API-Key", apiKey)
                    .header("Accept", "application/json")
                    .post(RequestBody.create(cursor == null ? FIRST_BODY : cursorBody(cursor), JSON))
                    .build();
            AlgoliaBrowsePage answer = run.call(request, AlgoliaBrowsePage.HANDLER);
            cursor = answer.cursor();
            assembler.add(answer.hits(), cursor == null, page);
            run.emit(page, pages);
            run.follow(cursor);
        } while (cursor != null);
        return run.summary();
    }

    /** The configured base (scheme, host and port) or the application's own DSN host, then the API's path. */
    private HttpUrl browseUrl(String applicationId, String indexName) {
        HttpUrl.Builder url = settings.algoliaBaseUrl()
                .map(base -> new HttpUrl.Builder().scheme(base.scheme()).host(base.host()).port(base.port()))
                .orElseGet(() -> new HttpUrl.Builder().scheme("https").host(applicationId + "-dsn.algolia.net"));
        return url.addPathSegment("1").addPathSegment("indexes").addPathSegment(indexName)
                .addPathSegment("browse").build();
    }

    private static String cursorBody(String cursor) {
        return JsonNodeFactory.instance.objectNode().put("cursor", cursor).toString();
    }

    /** Printable ASCII only: OkHttp would refuse anything else, and its message would show the value. */
    private static CatalogFetchException refused(String message) {
        return new CatalogFetchException(PROVIDER, Reason.BAD_REQUEST, message);
    }
}
