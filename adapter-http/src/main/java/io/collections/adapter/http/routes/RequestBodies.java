package io.collections.adapter.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.http.json.JsonCodec;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads a request body once, within the route's size limit, checking both the declared {@code Content-Length}
 * and the bytes actually sent. A missing {@code Content-Type} is taken as JSON; so is
 * {@code application/x-www-form-urlencoded}, which is what {@code curl --data} declares when told nothing
 * (the seed's own examples do this). Any other declared type that is not JSON is a 415.
 */
public final class RequestBodies {
    public static final long DEFAULT_LIMIT = 1024 * 1024;
    public static final long BATCH_LIMIT = 16L * 1024 * 1024;
    /** A refused body up to this size is read to its end before the 413, so that the client receives it. */
    static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    private final JsonCodec codec;

    public RequestBodies(JsonCodec codec) {
        this.codec = codec;
    }

    public JsonNode json(Context ctx) {
        return codec.parse(bytes(ctx));
    }

    public byte[] bytes(Context ctx) {
        byte[] cached = ctx.attribute(Attributes.BODY);
        if (cached != null) {
            return cached;
        }
        checkContentType(ctx.header("Content-Type"));
        checkContentEncoding(ctx.header("Content-Encoding"));
        Long configured = ctx.attribute(Attributes.BODY_LIMIT);
        long limit = configured == null ? DEFAULT_LIMIT : configured;
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            if (declared <= DRAIN_LIMIT) {
                drain(ctx);
            }
            throw tooLarge(limit);
        }
        byte[] body = readAtMost(ctx, limit);
        ctx.attribute(Attributes.BODY, body);
        return body;
    }

    private static byte[] readAtMost(Context ctx, long limit) {
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    drain(ctx);
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new HttpProblem(400, "the request body could not be read");
        }
    }

    static void checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")
                && !mediaType.equals("application/x-www-form-urlencoded")) {
            throw new HttpProblem(415, "Content-Type must be application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && (parameter.length < 2
                    || !isUtf8(unquoted(parameter[1])))) {
                throw new HttpProblem(415, "a JSON body must be UTF-8; charset " + shorten(parameter.length < 2
                        ? "" : unquoted(parameter[1])) + " is not supported");
            }
        }
    }

    /** Request bodies are read as sent: a compressed one would only fail later as "not valid JSON". */
    static void checkContentEncoding(String contentEncoding) {
        if (contentEncoding == null || contentEncoding.isBlank()
                || contentEncoding.strip().equalsIgnoreCase("identity")) {
            return;
        }
        throw new HttpProblem(415, "Content-Encoding " + shorten(contentEncoding.strip())
                + " is not supported; send the body uncompressed");
    }

    /** UTF-8 under its names; US-ASCII is a subset of it. */
    private static boolean isUtf8(String charset) {
        return charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8")
                || charset.equalsIgnoreCase("us-ascii");
    }

    private static String unquoted(String value) {
        String stripped = value.strip();
        return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /**
     * Reads and drops the rest of a refused body, up to {@link #DRAIN_LIMIT}. A client is usually still sending
     * it: closing the connection under it resets the socket, and the reset can destroy the 413 before the client
     * reads it.
     */
    private static void drain(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long drained = 0;
            int read;
            while (drained <= DRAIN_LIMIT && (read = in.read(buffer)) != -1) {
                drained += read;
            }
        } catch (IOException e) {
            // The client went away; the 413 is all there is left to send.
        }
    }

    private static HttpProblem tooLarge(long limit) {
        return new HttpProblem(413, "the request body is larger than " + (limit / (1024 * 1024)) + " MiB",
                java.util.Map.of("Connection", "close"));
    }
}
