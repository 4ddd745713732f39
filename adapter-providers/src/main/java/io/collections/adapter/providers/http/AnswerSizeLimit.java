package io.collections.adapter.providers.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Stops reading an answer past {@link #MAX_BYTES}. The hosts are the user's to choose, and a host that streams a
 * page without end would otherwise fill the heap of the instance and fail every tenant's requests. A real page of
 * any of the four platforms is a few MiB at most (Algolia's 1,000 records of up to 10 KB are the largest).
 */
final class AnswerSizeLimit implements Interceptor {
    static final long MAX_BYTES = 32L << 20;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > MAX_BYTES) {
            response.close();
            throw new AnswerTooLargeException(declared);
        }
        ForwardingSource counted = new ForwardingSource(body.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    read += n;
                    if (read > MAX_BYTES) {
                        throw new AnswerTooLargeException(read);
                    }
                }
                return n;
            }
        };
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(counted), body.contentType(), declared))
                .build();
    }

    /** An answer larger than the limit; never worth a retry, the host would send it again. */
    static final class AnswerTooLargeException extends IOException {
        AnswerTooLargeException(long bytes) {
            super("the answer is larger than " + (MAX_BYTES >> 20) + " MiB (" + bytes + " bytes and more)");
        }
    }
}
