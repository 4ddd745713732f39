package io.collections.adapter.http.routes;

import io.collections.adapter.http.json.JsonCodec;
import io.javalin.http.Context;

/** Writes JSON answers, remembering the body so an idempotency key can replay it. */
public final class Responses {
    public static final String JSON = "application/json";

    private final JsonCodec codec;

    public Responses(JsonCodec codec) {
        this.codec = codec;
    }

    public void json(Context ctx, int status, Object body) {
        text(ctx, status, codec.write(body));
    }

    public void text(Context ctx, int status, String json) {
        ctx.attribute(Attributes.RESPONSE_BODY, json);
        ctx.status(status).contentType(JSON).result(json);
    }

    public void empty(Context ctx) {
        text(ctx, 200, "{}");
    }

    public JsonCodec codec() {
        return codec;
    }
}
