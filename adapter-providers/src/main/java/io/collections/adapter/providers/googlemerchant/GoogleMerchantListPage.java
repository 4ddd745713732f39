package io.collections.adapter.providers.googlemerchant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.fetch.JsonStreams;
import io.collections.adapter.providers.http.ErrorResponse;
import io.collections.adapter.providers.http.Outcome;
import io.collections.adapter.providers.http.ResponseHandler;
import io.collections.domain.CatalogFetchException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Response;

/**
 * One answer of {@code accounts.products.list}: {@code {"products":[...],"nextPageToken":"..."}}, streamed so that
 * only one product at a time is a tree. The token is absent (or empty) on the last page.
 */
record GoogleMerchantListPage(List<JsonNode> products, String nextPageToken) {

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
                throw new IOException("the products list is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("products") && value == JsonToken.START_ARRAY) {
                    JsonStreams.forEachElement(parser, products::add);
                } else if (field.equals("nextPageToken") && value == JsonToken.VALUE_STRING) {
                    nextPageToken = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("the products list ends early");
            }
        }
        return new GoogleMerchantListPage(products, nextPageToken == null || nextPageToken.isEmpty() ? null
                : nextPageToken);
    }

    /**
     * Google's AIP-193 errors, branching on {@code status} and {@code ErrorInfo.metadata.REASON} rather than on the
     * HTTP code alone: {@code RESOURCE_EXHAUSTED} is retried unless it is the daily quota (which no retry within
     * minutes can outlast), {@code ABORTED} is retried, and the rest follow the shared classification.
     */
    static Outcome<GoogleMerchantListPage> classify(ErrorResponse error) {
        Optional<JsonNode> body = error.json().map(json -> json.path("error"));
        String status = body.map(e -> e.path("status").asText("")).orElse("");
        String reason = body.map(GoogleMerchantListPage::errorInfoReason).orElse("");
        if (status.equals("RESOURCE_EXHAUSTED") || error.status() == 429) {
            if (reason.equals("quota/daily_limit_exceeded")) {
                return Outcome.fail(Reason.UNAVAILABLE, "the account's daily Merchant API quota is used up;"
                        + " try again tomorrow (" + error.describe() + ")");
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
