package io.collections.adapter.providers.http;

import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import java.net.InetAddress;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Turns a host or URL a user typed ({@code shop}, {@code store_url}) into a base URL, checked before any request:
 * {@code https} only, no user info, query or fragment, and no loopback, private, link-local or metadata address
 * literal or {@code localhost}. With private network allowed (tests, private deployments), {@code http} and such
 * hosts are accepted. Names that resolve to unsafe addresses are refused later, at connect time, by
 * {@link GuardedDns}.
 */
public final class UserBaseUrl {
    private UserBaseUrl() {
    }

    /**
     * @param provider the provider's path name, for the error
     * @param field the request field the value came from, for the error
     * @param value a host ({@code acme.myshopify.com}) or a URL ({@code https://shop.example.com/store})
     */
    public static HttpUrl parse(String provider, String field, String value, boolean allowPrivateNetwork) {
        String text = value.strip();
        String withScheme = text.contains("://") ? text : "https://" + text;
        String scheme = withScheme.substring(0, withScheme.indexOf("://")).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivateNetwork && scheme.equals("http"))) {
            throw refused(provider, field, "must be an https URL");
        }
        HttpUrl url = HttpUrl.parse(withScheme);
        if (url == null) {
            throw refused(provider, field, "is not a valid host or URL");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw refused(provider, field, "must not carry a user name or password");
        }
        if (url.query() != null || url.fragment() != null) {
            throw refused(provider, field, "must not carry a query or fragment");
        }
        if (!allowPrivateNetwork) {
            String host = url.host().toLowerCase(Locale.ROOT);
            InetAddress literal = AddressPolicy.literal(host);
            boolean unsafeLiteral = literal != null ? !AddressPolicy.isPublic(literal)
                    : AddressPolicy.looksNumeric(host);
            if (unsafeLiteral || host.equals("localhost") || host.endsWith(".localhost")) {
                throw refused(provider, field, "points at a loopback, private, link-local or metadata address,"
                        + " which imports may not reach");
            }
        }
        return url;
    }

    private static CatalogFetchException refused(String provider, String field, String why) {
        return new CatalogFetchException(provider, Reason.BAD_REQUEST, field + " " + why);
    }
}
