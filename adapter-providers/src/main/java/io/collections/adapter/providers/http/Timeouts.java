package io.collections.adapter.providers.http;

import java.time.Duration;

/**
 * Socket timeouts of one request: connecting, each read (long, because weak WooCommerce hosts build a page of 100
 * products slowly), and the whole call including its body.
 */
public record Timeouts(Duration connect, Duration read, Duration call) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(90),
            Duration.ofSeconds(180));

    public Timeouts {
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero() || call.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
