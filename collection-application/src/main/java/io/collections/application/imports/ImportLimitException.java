package io.collections.application.imports;

import java.time.Duration;

/** The client sends import requests faster than its rate allows; it may try again after {@link #retryAfter()}. */
public final class ImportLimitException extends RuntimeException {
    private final Duration retryAfter;
    private final int perSecond;

    public ImportLimitException(int perSecond, Duration retryAfter) {
        super("at most " + perSecond + " import request" + (perSecond == 1 ? "" : "s")
                + " per second are allowed for a client; try again in a moment", null, false, false);
        this.perSecond = perSecond;
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public int perSecond() {
        return perSecond;
    }
}
