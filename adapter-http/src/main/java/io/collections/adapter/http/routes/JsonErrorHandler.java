package io.collections.adapter.http.routes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before a route ever sees it (a request line or header that is not valid HTTP, a
 * header section that is too large) with the API's {@code {"error", "code"}} body instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, Responses.JSON);
    private static final int MAX_REASON = 200;

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) {
            return ByteBuffer.allocate(0);
        }
        fields.put(JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    /** The reason is Jetty's own text (never a header value or body); kept printable and short all the same. */
    static byte[] body(int code, String reason) {
        String text = reason == null || reason.isBlank() ? HttpStatus.getMessage(code) : reason;
        StringBuilder json = new StringBuilder("{\"error\":\"the request was refused: ");
        for (int i = 0; i < text.length() && i < MAX_REASON; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else {
                json.append(c < 0x20 || c > 0x7e ? '?' : c);
            }
        }
        return json.append("\",\"code\":").append(code).append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
