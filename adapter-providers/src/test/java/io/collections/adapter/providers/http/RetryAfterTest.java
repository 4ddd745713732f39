package io.collections.adapter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-01-07T12:00:00Z");

    @Test
    void reads_whole_and_fractional_seconds() {
        assertThat(RetryAfter.parse("3", NOW)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("2.0", NOW)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 0.25 ", NOW)).contains(Duration.ofMillis(250));
    }

    @Test
    void reads_an_http_date_relative_to_now() {
        assertThat(RetryAfter.parse("Wed, 07 Jan 2026 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 07 Jan 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void ignores_absent_negative_and_garbage_values() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("NaN", NOW)).isEmpty();
    }

    @Test
    void backoff_doubles_up_to_the_cap_and_jitters_within_half_to_whole() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(8));
        assertThat(policy.backoff(1, 1.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2, 1.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(3, 1.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(6, 1.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofSeconds(2));
    }
}
