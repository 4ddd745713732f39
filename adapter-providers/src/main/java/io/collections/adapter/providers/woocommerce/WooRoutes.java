package io.collections.adapter.providers.woocommerce;

import okhttp3.HttpUrl;

/**
 * Where a store's REST API routes live: {@code {root}wp-json/wc/v3/{route}} with pretty permalinks, else
 * {@code {root}?rest_route=/wc/v3/{route}}, which every WordPress answers.
 */
record WooRoutes(HttpUrl root, boolean plain) {

    static WooRoutes pretty(HttpUrl root) {
        return new WooRoutes(root, false);
    }

    static WooRoutes plain(HttpUrl root) {
        return new WooRoutes(root, true);
    }

    /** The URL of a route such as {@code products} or {@code products/42/variations}, ready for parameters. */
    HttpUrl.Builder route(String route) {
        HttpUrl.Builder url = root.newBuilder();
        if (plain) {
            return url.addQueryParameter("rest_route", "/wc/v3/" + route);
        }
        return url.removePathSegment(root.pathSize() - 1).addPathSegments("wp-json/wc/v3/" + route);
    }
}
