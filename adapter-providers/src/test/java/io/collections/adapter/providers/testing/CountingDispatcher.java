package io.collections.adapter.providers.testing;

import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;

/**
 * The enqueued responses in order, counting each request as it is answered. Unlike the server's own request count,
 * which it bumps after writing the response, this count is complete by the time the client has read the answer.
 */
public final class CountingDispatcher extends QueueDispatcher {
    private final AtomicInteger dispatched = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        dispatched.incrementAndGet();
        return super.dispatch(request);
    }

    public int requests() {
        return dispatched.get();
    }
}
