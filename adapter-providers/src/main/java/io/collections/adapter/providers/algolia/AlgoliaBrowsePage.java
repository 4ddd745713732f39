package io.collections.adapter.providers.algolia;

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
import java.util.Set;
import okhttp3.Response;

/**
 * One answer of {@code browse}: {@code {"hits":[...],"cursor":"...","nbHits":...}}, streamed so that only one hit
 * at a time is a tree. The cursor is absent on the last page; {@code page} and {@code nbPages} mean nothing while
 * cursoring and are ignored.
 */
record AlgoliaBrowsePage(List<JsonNode> hits, String cursor) {

    private static final Set<String> ANNOTATIONS =
            Set.of("_highlightResult", "_snippetResult", "_rankingInfo", "_distinctSeqID");

    static final ResponseHandler<AlgoliaBrowsePage> HANDLER = new ResponseHandler<>() {
        @Override
        public Outcome<AlgoliaBrowsePage> onSuccess(Response response) throws IOException {
            return read(response);
        }

        @Override
        public Outcome<AlgoliaBrowsePage> onError(ErrorResponse error) {
            return classify(error);
        }
    };

    private static Outcome<AlgoliaBrowsePage> read(Response response) throws IOException {
        List<JsonNode> hits = null;
        String cursor = null;
        try (JsonParser parser = JsonStreams.parser(response.body().byteStream())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableAnswerException("the browse answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("hits") && value == JsonToken.START_ARRAY) {
                    hits = new ArrayList<>(AlgoliaCatalogSource.HITS_PER_PAGE);
                    readHits(parser, hits);
                } else if (field.equals("cursor") && value == JsonToken.VALUE_STRING) {
                    cursor = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new UnreadableAnswerException("the browse answer ends early");
            }
        }
        if (hits == null) {
            return Outcome.fail(Reason.UNAVAILABLE, "the browse answer has no hits array");
        }
        return Outcome.done(new AlgoliaBrowsePage(hits, cursor == null || cursor.isEmpty() ? null : cursor));
    }

    /**
     * Each hit as a tree without the search engine's own annotations ({@code _highlightResult} and the like), which
     * are no record attributes and can outweigh the record.
     */
    private static void readHits(JsonParser parser, List<JsonNode> hits) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonToken token = parser.currentToken();
            if (token == null) {
                throw new UnreadableAnswerException("the browse answer ends inside its hits");
            }
            if (token != JsonToken.START_OBJECT) {
                hits.add(JsonStreams.tree(parser));
                continue;
            }
            ObjectNode hit = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (ANNOTATIONS.contains(name)) {
                    parser.skipChildren();
                } else {
                    hit.set(name, JsonStreams.tree(parser));
                }
            }
            hits.add(hit);
        }
    }

    /** Algolia's {@code {"message","status"}} errors, with what the caller can do about the common ones. */
    static Outcome<AlgoliaBrowsePage> classify(ErrorResponse error) {
        String message = error.json().map(json -> json.path("message").asText("")).orElse("");
        String described = error.describe() + correlation(error);
        if (error.status() == 403 && message.startsWith("Method not allowed")) {
            return Outcome.fail(Reason.CREDENTIALS_REJECTED, "the API key lacks the browse ACL: " + described);
        }
        if (error.status() == 403) {
            return Outcome.fail(Reason.CREDENTIALS_REJECTED, "Algolia refused the application id or API key: "
                    + described);
        }
        if (error.status() == 404) {
            return Outcome.fail(Reason.NOT_FOUND, "no such index in this application: " + described);
        }
        if (error.status() == 400) {
            return Outcome.fail(Reason.BAD_REQUEST, "Algolia refused the browse request: " + described);
        }
        return error.byStatus();
    }

    /** Algolia's support asks for the {@code Correlation-ID} of a failed request; it names no secret. */
    private static String correlation(ErrorResponse error) {
        String id = error.headers().get("Correlation-ID");
        return id == null || !id.matches("[A-Za-z0-9-]{1,64}") ? "" : " (Correlation-ID " + id + ")";
    }
}
