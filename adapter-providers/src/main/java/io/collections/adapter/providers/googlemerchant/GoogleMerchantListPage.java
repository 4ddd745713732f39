package io.collections.adapter.providers.googlemerchant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collections.adapter.providers.fetch.JsonStreams;
import io.collections.adapter.providers.http.ErrorResponse;
import io.collections.adapter.providers.http.Outcome;
import io.collections.adapter.providers.http.ResponseHandler;
import io.collections.adapter.providers.http.UnreadableAnswerException;
import io.collections.domain.CatalogFetchException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Response;

/**
 * One answer of {@code accounts.products.list}: {@code {"products":[...],"nextPageToken":"..."}}, streamed so that
 * only one product at a time is a tree. The token is absent (or empty) on the last page.
 */
record GoogleMerchantListPage(List<JsonNode> products, String nextPageToken) {

    /** The fields the mapping reads, an empty map meaning "the whole value". */
    private static final Map<String, Map<String, ?>> PRODUCT = Map.of(
            "offerId", Map.of(),
            "name", Map.of(),
            "productAttributes", Map.ofEntries(
                    Map.entry("title", Map.of()), Map.entry("description", Map.of()),
                    Map.entry("imageLink", Map.of()), Map.entry("additionalImageLinks", Map.of()),
                    Map.entry("brand", Map.of()), Map.entry("productTypes", Map.of()),
                    Map.entry("googleProductCategory", Map.of()), Map.entry("price", Map.of()),
                    Map.entry("salePrice", Map.of()), Map.entry("salePriceEffectiveDate", Map.of()),
                    Map.entry("customLabel0", Map.of()), Map.entry("customLabel1", Map.of()),
                    Map.entry("customLabel2", Map.of()), Map.entry("customLabel3", Map.of()),
                    Map.entry("customLabel4", Map.of()), Map.entry("shippingWeight", Map.of()),
                    Map.entry("shippingLength", Map.of()), Map.entry("shippingWidth", Map.of()),
                    Map.entry("shippingHeight", Map.of())),
            "productStatus", Map.of("destinationStatuses", Map.of(), "creationDate", Map.of(),
                    "lastUpdateDate", Map.of()));

    static final ResponseHandler<GoogleMerchantListPage> HANDLER = new ResponseHandler<>() {
        @Override
        public Outcome<GoogleMerchantListPage> onSuccess(Response response) throws IOException {
            return Outcome.done(read(response));
        }

        @Override
        public Outcome<GoogleMerchantListPage> onError(ErrorResponse error) {
            return classify(error);
        }
    };

    private static GoogleMerchantListPage read(Response response) throws IOException {
        List<JsonNode> products = new ArrayList<>(GoogleMerchantCatalogSource.PAGE_SIZE);
        String nextPageToken = null;
        try (JsonParser parser = JsonStreams.parser(response.body().byteStream())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableAnswerException("the products list is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("products") && value == JsonToken.START_ARRAY) {
                    readProducts(parser, products);
                } else if (field.equals("nextPageToken") && value == JsonToken.VALUE_STRING) {
                    nextPageToken = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new UnreadableAnswerException("the products list ends early");
            }
        }
        return new GoogleMerchantListPage(products, nextPageToken == null || nextPageToken.isEmpty() ? null
                : nextPageToken);
    }

    /**
     * Each product as a tree of only what the mapping reads: links, GTINs, availability, custom attributes and
     * item-level issues are skipped by the parser without becoming strings or nodes.
     */
    private static void readProducts(JsonParser parser, List<JsonNode> products) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new UnreadableAnswerException("the products list ends inside the products");
            }
            products.add(parser.currentToken() == JsonToken.START_OBJECT ? selected(parser, PRODUCT)
                    : JsonStreams.tree(parser));
        }
    }

    /** The object the parser is at, with only the named fields (nested selections for some of them). */
    private static ObjectNode selected(JsonParser parser, Map<String, Map<String, ?>> fields) throws IOException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!fields.containsKey(name)) {
                parser.skipChildren();
            } else if (value == JsonToken.START_OBJECT && !fields.get(name).isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, ?>> nested = (Map<String, Map<String, ?>>) fields.get(name);
                object.set(name, selected(parser, nested));
            } else {
                object.set(name, value.isScalarValue() ? scalar(parser, value) : JsonStreams.tree(parser));
            }
        }
        return object;
    }

    /** A scalar as a node, without a tree reader per value (most kept fields are scalars). */
    private static JsonNode scalar(JsonParser parser, JsonToken value) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value) {
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? nodes.numberNode(parser.getBigIntegerValue()) : nodes.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(value == JsonToken.VALUE_TRUE);
            default -> nodes.nullNode();
        };
    }

    /**
     * Google's AIP-193 errors, branching on {@code status} and {@code ErrorInfo.metadata.REASON} rather than on the
     * HTTP code alone: {@code RESOURCE_EXHAUSTED} is retried unless it is the daily quota (which no retry within
     * minutes can outlast), the per-minute quota after {@link #PER_MINUTE_QUOTA_WAIT}, {@code ABORTED} is retried,
     * and the rest follow the shared classification.
     */
    /** The wait after a per-minute quota refusal without {@code Retry-After}: four of them outlast the minute. */
    static final Duration PER_MINUTE_QUOTA_WAIT = Duration.ofSeconds(15);

    static Outcome<GoogleMerchantListPage> classify(ErrorResponse error) {
        Optional<JsonNode> body = error.json().map(json -> json.path("error"));
        String status = body.map(e -> e.path("status").asText("")).orElse("");
        String reason = body.map(GoogleMerchantListPage::errorInfoReason).orElse("");
        if (status.equals("RESOURCE_EXHAUSTED") || error.status() == 429) {
            if (reason.equals("quota/daily_limit_exceeded")) {
                return Outcome.fail(Reason.UNAVAILABLE, "the account's daily Merchant API quota is used up;"
                        + " try again tomorrow (" + error.describe() + ")");
            }
            if (reason.equals("quota/request_rate_too_high")) {
                // A per-minute quota: backing off by seconds would spend every attempt inside the same minute.
                return Outcome.retry(error.describe() + " (" + reason + ")", PER_MINUTE_QUOTA_WAIT);
            }
            return Outcome.retry(error.describe() + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
        if (status.equals("ABORTED")) {
            return Outcome.retry(error.describe());
        }
        if (status.equals("UNAUTHENTICATED") || status.equals("PERMISSION_DENIED")) {
            return Outcome.fail(Reason.CREDENTIALS_REJECTED, "Google refused the access token: " + error.describe());
        }
        if (status.equals("NOT_FOUND")) {
            return Outcome.fail(Reason.NOT_FOUND, "no such Merchant Center account: " + error.describe());
        }
        return error.byStatus();
    }

    private static String errorInfoReason(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            if (detail.path("@type").asText("").endsWith("google.rpc.ErrorInfo")) {
                String reason = detail.path("metadata").path("REASON").asText("");
                return reason.isEmpty() ? detail.path("reason").asText("") : reason;
            }
        }
        return "";
    }
}
