package io.collections.adapter.http.routes;

import io.collections.domain.InvalidInputException;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ?limit=} (1 to 1000, default 100) and {@code ?cursor=}, and the {@code Link: <...>; rel="next"} header
 * that carries the other query parameters of the request along.
 */
public final class Paging {
    private Paging() {
    }

    public static PageRequest pageRequest(Context ctx) {
        String limitText = single(ctx, "limit");
        int limit = PageRequest.DEFAULT_LIMIT;
        if (limitText != null) {
            if (!limitText.matches("[0-9]{1,4}")) {
                throw new InvalidInputException("limit", "must be an integer between 1 and " + PageRequest.MAX_LIMIT);
            }
            limit = Integer.parseInt(limitText);
        }
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be an integer between 1 and " + PageRequest.MAX_LIMIT);
        }
        String cursor = single(ctx, "cursor");
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 1024)) {
            throw new InvalidInputException("cursor", "is not a cursor this server handed out");
        }
        return new PageRequest(limit, cursor);
    }

    /** A query parameter given at most once; null when absent. */
    public static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidInputException(name, "must be given at most once");
        }
        return values.get(0);
    }

    /** Sets the {@code Link} header when the page has a successor. */
    public static void link(Context ctx, Page<?> page, PageRequest request, Map<String, String> otherParams) {
        page.next().ifPresent(cursor -> {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("limit", Integer.toString(request.limit()));
            otherParams.forEach((name, value) -> {
                if (value != null) {
                    params.put(name, value);
                }
            });
            params.put("cursor", cursor);
            StringBuilder url = new StringBuilder(ctx.path()).append('?');
            params.forEach((name, value) -> url.append(name).append('=').append(encode(value)).append('&'));
            url.setLength(url.length() - 1);
            ctx.header("Link", "<" + url + ">; rel=\"next\"");
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
