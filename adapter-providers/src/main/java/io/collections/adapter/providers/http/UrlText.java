package io.collections.adapter.providers.http;

import okhttp3.HttpUrl;

/** Safe renderings of URLs and texts for messages and logs: no query string, no user info, bounded length. */
public final class UrlText {
    private UrlText() {
    }

    /** "https://host:port/path" without query or user info, for logs. */
    public static String withoutQuery(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
    }

    /** The scheme, host and port of a URL given as text, or "another address" when it does not parse. */
    static String originOf(String location) {
        HttpUrl url = HttpUrl.parse(location);
        return url == null ? "another address" : url.scheme() + "://" + url.host() + ":" + url.port();
    }

    static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }
}
