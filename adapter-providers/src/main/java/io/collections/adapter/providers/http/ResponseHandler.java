package io.collections.adapter.providers.http;

import java.io.IOException;
import okhttp3.Response;

/**
 * How a provider reads one kind of response. {@link #onSuccess} streams a 2xx body into a value, or says that the
 * answer is to be retried (Shopify's {@code THROTTLED} inside an HTTP 200) or refused; {@link #onError} maps a
 * non-2xx answer, by default with {@link ErrorResponse#byStatus()}.
 */
public interface ResponseHandler<T> {

    /** Reads a 2xx response; the caller closes it. An {@link IOException} (truncated body, bad JSON) is retried. */
    Outcome<T> onSuccess(Response response) throws IOException;

    /** Maps a non-2xx response (e.g. Google's {@code RESOURCE_EXHAUSTED}, Algolia's missing index). */
    default Outcome<T> onError(ErrorResponse error) {
        return error.byStatus();
    }
}
