package io.collections.adapter.providers.woocommerce;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.fetch.JsonStreams;
import io.collections.adapter.providers.http.ErrorResponse;
import io.collections.adapter.providers.http.Outcome;
import io.collections.adapter.providers.http.ResponseHandler;
import io.collections.domain.CatalogFetchException.Reason;
import io.collections.adapter.providers.http.UnreadableAnswerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * Readers of WooCommerce REST v3 answers: a list page (a top-level JSON array, streamed item by item, with
 * {@code X-WP-TotalPages}) and the store's current currency ({@code {"code": "USD", ...}}). Error answers keep
 * the shared mapping, which also copes with the HTML pages that hosts and WAFs send.
 */
final class WooHandlers {
    /** The fields of products and variations the mapping reads; the rest of each item is skipped unparsed. */
    static final Set<String> FIELDS = Set.of("id", "name", "type", "status", "sku", "price", "virtual",
            "categories", "tags", "brands", "images", "attributes", "date_created_gmt", "date_modified_gmt");

    static final ResponseHandler<WooPage> LIST = new ResponseHandler<>() {
        @Override
        public Outcome<WooPage> onError(ErrorResponse error) {
            return refusal(error);
        }

        @Override
        public Outcome<WooPage> onSuccess(Response response) throws IOException {
            List<JsonNode> items = new ArrayList<>();
            try (JsonParser parser = JsonStreams.parser(response.body().byteStream())) {
                parser.nextToken();
                JsonStreams.forEachElement(parser, FIELDS, items::add);
            }
            HttpUrl asked = response.request().url();
            return Outcome.done(new WooPage(items, number(asked.queryParameter("page")),
                    number(asked.queryParameter("per_page")), totalPages(response.header("X-WP-TotalPages"))));
        }
    };

    static final ResponseHandler<String> CURRENCY = new ResponseHandler<>() {
        @Override
        public Outcome<String> onError(ErrorResponse error) {
            return refusal(error);
        }

        @Override
        public Outcome<String> onSuccess(Response response) throws IOException {
            JsonNode body;
            try (JsonParser parser = JsonStreams.parser(response.body().byteStream())) {
                parser.nextToken();
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw new UnreadableAnswerException("the current currency is a JSON object");
                }
                body = JsonStreams.tree(parser);
            }
            String code = JsonStreams.text(body, "code");
            if (code == null || !code.matches("[A-Z]{3}")) {
                return Outcome.fail(Reason.UNAVAILABLE, "the store's current currency is not an ISO-4217 code");
            }
            return Outcome.done(code);
        }
    };

    private WooHandlers() {
    }

    /**
     * WooCommerce refuses in JSON with a {@code code} ({@code woocommerce_rest_cannot_view}); a 4xx HTML page is
     * the host's firewall or security plugin blocking the call, not a verdict on the keys, so it is a failing
     * provider (502) rather than "credentials rejected". A 401 from WooCommerce itself may mean that the host
     * stripped the {@code Authorization} header on its way to PHP.
     */
    static <T> Outcome<T> refusal(ErrorResponse error) {
        int status = error.status();
        boolean fromWooCommerce = error.json().map(body -> body.path("code").isTextual()).orElse(false);
        if (status >= 400 && status < 500 && status != 404 && status != 408 && status != 429 && !fromWooCommerce) {
            return Outcome.fail(Reason.UNAVAILABLE, "the store's host or firewall blocked the request ("
                    + error.describe() + "); allow the WooCommerce REST API (/wp-json/wc/v3) through it");
        }
        if (status == 401 && fromWooCommerce) {
            return Outcome.fail(Reason.CREDENTIALS_REJECTED, "the provider refused the credentials: "
                    + error.describe() + "; if the keys are right, the host may strip the Authorization header"
                    + " before WordPress sees it");
        }
        return error.byStatus();
    }

    private static int number(String parameter) {
        return parameter == null ? 0 : Integer.parseInt(parameter);
    }

    private static OptionalInt totalPages(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(header.strip()));
    }
}
