package io.collections.bench.fetch;

import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import java.net.URI;

/**
 * One platform's API imitated at loopback speed for the fetch benchmark: it answers each request of the fetcher in
 * the platform's wire format, generating pages of a catalog of {@code size} products on the fly (so the fake's
 * memory does not count against the fetcher's heap).
 */
interface FakePlatform {

    Provider provider();

    /** The account the fetcher is given, pointing at the fake's base URL. */
    ProviderAccount account(String baseUrl);

    /** The fetcher settings, with any fixed host (Google, Algolia) overridden to the fake's base URL. */
    default ProviderSettings settings(ProviderSettings base, String baseUrl) {
        return base;
    }

    /** The answer to one request. */
    Answer answer(String method, URI uri, byte[] body);

    /** A status, headers (name, value pairs) and a body. */
    record Answer(int status, String[] headers, byte[] body) {
    }
}
