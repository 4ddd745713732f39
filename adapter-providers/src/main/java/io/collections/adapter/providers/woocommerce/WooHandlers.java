package io.collections.adapter.providers.woocommerce;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.fetch.JsonStreams;
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
