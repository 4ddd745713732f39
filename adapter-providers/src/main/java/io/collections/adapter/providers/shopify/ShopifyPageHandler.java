package io.collections.adapter.providers.shopify;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;

/**
 * Reads a GraphQL answer of the products query as a stream: product nodes one at a time, then judges the
 * top-level {@code errors}, which Shopify sends inside an HTTP 200: {@code THROTTLED} is retried after the
 * throttle deficit over the restore rate, {@code MAX_COST_EXCEEDED} asks for a smaller page, {@code ACCESS_DENIED}
 * rejects the token, anything else refuses the query.
 */
final class ShopifyPageHandler implements ResponseHandler<ShopifyPage> {
    private static final Pattern COST_IN_MESSAGE =
            Pattern.compile("Query cost is (\\d+(?:\\.\\d+)?), which exceeds the single query max cost limit"
                    + " \\((\\d+)");

    @Override
    public Outcome<ShopifyPage> onSuccess(Response response) throws IOException {
        Answer answer = new Answer();
        try (JsonParser parser = JsonStreams.parser(response.body().byteStream())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableAnswerException("a GraphQL answer is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("data") && value == JsonToken.START_OBJECT) {
                    readData(parser, answer);
                } else if (field.equals("errors")) {
                    answer.errors = JsonStreams.tree(parser);
                } else if (field.equals("extensions")) {
                    answer.extensions = JsonStreams.tree(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return judge(answer);
    }

    /** A 429 that carries the GraphQL {@code THROTTLED} body waits the throttle deficit, like the usual 200. */
    @Override
    public Outcome<ShopifyPage> onError(ErrorResponse error) {
        if (error.status() == 429) {
            Optional<JsonNode> body = error.json();
            if (body.isPresent() && body.get().path("errors").isArray()) {
                for (JsonNode item : body.get().path("errors")) {
                    if ("THROTTLED".equals(JsonStreams.text(item, "extensions", "code"))) {
                        return throttled(body.get().path("extensions"));
                    }
                }
            }
        }
        return error.byStatus();
    }

    private static void readData(JsonParser parser, Answer answer) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("shop") && value == JsonToken.START_OBJECT) {
                answer.shopCurrency = JsonStreams.text(JsonStreams.tree(parser), "currencyCode");
            } else if (field.equals("products") && value == JsonToken.START_OBJECT) {
                answer.sawProducts = true;
                readProducts(parser, answer);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void readProducts(JsonParser parser, Answer answer) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("nodes") && value == JsonToken.START_ARRAY) {
                JsonStreams.forEachElement(parser, answer.products::add);
            } else if (field.equals("pageInfo") && value == JsonToken.START_OBJECT) {
                JsonNode pageInfo = JsonStreams.tree(parser);
                answer.hasNextPage = pageInfo.path("hasNextPage").asBoolean(false);
                answer.endCursor = JsonStreams.text(pageInfo, "endCursor");
            } else {
                parser.skipChildren();
            }
        }
    }

    private static Outcome<ShopifyPage> judge(Answer answer) {
        if (answer.errors != null && answer.errors.isArray() && answer.errors.size() > 0) {
            return judgeErrors(answer);
        }
        if (!answer.sawProducts) {
            return Outcome.retry("answered without products or errors");
        }
        if (answer.hasNextPage && answer.endCursor == null) {
            return Outcome.fail(Reason.UNAVAILABLE, "said there is a next page but gave no cursor for it");
        }
        return Outcome.done(new ShopifyPage(answer.products, answer.shopCurrency, answer.hasNextPage,
                answer.endCursor, null));
    }

    private static Outcome<ShopifyPage> judgeErrors(Answer answer) {
        JsonNode first = answer.errors.get(0);
        String message = JsonStreams.text(first, "message");
        for (JsonNode error : answer.errors) {
            String code = JsonStreams.text(error, "extensions", "code");
            if ("THROTTLED".equals(code)) {
                return throttled(answer.extensions);
            }
            if ("MAX_COST_EXCEEDED".equals(code)) {
                return Outcome.done(ShopifyPage.tooExpensive(cost(error)));
            }
            if ("ACCESS_DENIED".equals(code)) {
                return Outcome.fail(Reason.CREDENTIALS_REJECTED, "Shopify denied access ("
                        + JsonStreams.text(error, "message") + "); the token needs the read_products scope");
            }
            if ("INTERNAL_SERVER_ERROR".equals(code)) {
                return Outcome.retry("GraphQL INTERNAL_SERVER_ERROR");
            }
        }
        return Outcome.fail(Reason.BAD_REQUEST, "Shopify refused the products query: "
                + (message == null ? answer.errors.toString() : message));
    }

    /**
     * Waits (requested cost - currently available) / restore rate, as Shopify's rate-limit guide says; when that is
     * not positive (the bucket holds enough, yet Shopify throttled), the regular backoff, never an immediate retry.
     */
    private static Outcome<ShopifyPage> throttled(JsonNode extensions) {
        JsonNode cost = extensions == null ? null : extensions.path("cost");
        if (cost != null && cost.path("requestedQueryCost").isNumber()
                && cost.path("throttleStatus").path("restoreRate").asDouble(0) > 0) {
            double requested = cost.path("requestedQueryCost").asDouble();
            double available = cost.path("throttleStatus").path("currentlyAvailable").asDouble(0);
            double restoreRate = cost.path("throttleStatus").path("restoreRate").asDouble();
            long millis = (long) Math.ceil((requested - available) / restoreRate * 1000);
            if (millis > 0) {
                return Outcome.retry("THROTTLED", Duration.ofMillis(millis));
            }
        }
        return Outcome.retry("THROTTLED");
    }

    private static ShopifyPage.CostExceeded cost(JsonNode error) {
        JsonNode extensions = error.path("extensions");
        if (extensions.path("cost").isNumber() && extensions.path("maxCost").isNumber()) {
            return new ShopifyPage.CostExceeded(extensions.path("cost").asDouble(),
                    extensions.path("maxCost").asDouble());
        }
        Matcher matcher = COST_IN_MESSAGE.matcher(error.path("message").asText(""));
        if (matcher.find()) {
            return new ShopifyPage.CostExceeded(Double.parseDouble(matcher.group(1)),
                    Double.parseDouble(matcher.group(2)));
        }
        return new ShopifyPage.CostExceeded(0, 0);
    }

    /** What the stream held, gathered as it is read. */
    private static final class Answer {
        private final List<JsonNode> products = new ArrayList<>();
        private String shopCurrency;
        private boolean sawProducts;
        private boolean hasNextPage;
        private String endCursor;
        private JsonNode errors;
        private JsonNode extensions;
    }
}
