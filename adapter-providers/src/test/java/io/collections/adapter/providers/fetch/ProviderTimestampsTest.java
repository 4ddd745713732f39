package io.collections.adapter.providers.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderTimestampsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "2024-01-07T12:30:00Z, 2024-01-07T12:30:00Z",
        "2024-01-07T13:30:00+01:00, 2024-01-07T12:30:00Z",
        "2024-01-07T12:30:00.123456789Z, 2024-01-07T12:30:00.123456789Z",
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z, 9999-12-31T23:59:59Z",
        "' 2024-01-07T12:30:00Z ', 2024-01-07T12:30:00Z",
    })
    void rfc3339TextsWithAnOffset(String text, String expected) {
        assertThat(ProviderTimestamps.withOffset(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2024-01-07T12:30:00", "2024-01-07", "yesterday", "2024-13-01T00:00:00Z",
        "2024-01-32T00:00:00Z", "0000-01-01T00:00:00Z", "2024-01-07T12:30:00X",
        "+10000-01-01T00:00:00Z", "1704630600"})
    void anythingElseIsNotSaid(String text) {
        assertThat(ProviderTimestamps.withOffset(text)).isNull();
    }

    @Test
    void woocommerceGmtTextsAreUtc() {
        assertThat(ProviderTimestamps.utcWithoutOffset("2024-01-07T12:30:00"))
                .isEqualTo(Instant.parse("2024-01-07T12:30:00Z"));
        assertThat(ProviderTimestamps.utcWithoutOffset("2024-01-07T12:30:00Z"))
                .isEqualTo(Instant.parse("2024-01-07T12:30:00Z"));
        assertThat(ProviderTimestamps.utcWithoutOffset("0000-00-00T00:00:00")).isNull();
        assertThat(ProviderTimestamps.utcWithoutOffset("2023-02-29T12:00:00")).as("no such day").isNull();
        assertThat(ProviderTimestamps.utcWithoutOffset("2024-02-29T24:00:00")).isNull();
        assertThat(ProviderTimestamps.utcWithoutOffset("2024-02-29T23:59:59"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(ProviderTimestamps.utcWithoutOffset("2024-0a-07T12:30:00")).isNull();
        assertThat(ProviderTimestamps.utcWithoutOffset("2024-01-07 12:30:00")).isNull();
        assertThat(ProviderTimestamps.utcWithoutOffset(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "1704630600, 2024-01-07T12:30:00Z",
        "1704630600.25, 2024-01-07T12:30:00.250Z",
        "1704630600250, 2024-01-07T12:30:00.250Z",
        "99999999999, 5138-11-16T09:46:39Z",
        "'\"1704630600\"', 2024-01-07T12:30:00Z",
        "'\"2024-01-07T12:30:00Z\"', 2024-01-07T12:30:00Z",
        "'\"2024-01-07T12:30:00\"', 2024-01-07T12:30:00Z",
        "'\"2024-01-07\"', 2024-01-07T00:00:00Z",
        "-86400, 1969-12-31T00:00:00Z",
    })
    void indexValuesInEveryCommonForm(String json, String expected) throws Exception {
        assertThat(ProviderTimestamps.anyForm(JSON.readTree(json))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "true", "{\"seconds\":1}", "[1704630600]", "\"soon\"", "\"\"",
        "1e30", "253402300800000", "-99999999999999"})
    void indexValuesThatAreNoTimestampAreNotSaid(String json) throws Exception {
        JsonNode value = JSON.readTree(json);
        assertThat(ProviderTimestamps.anyForm(value)).as(json).isNull();
        assertThat(ProviderTimestamps.anyForm(null)).isNull();
    }

    @Test
    void theTimesOfSeveralRecordsAreTheEarliestCreationAndTheLatestUpdate() {
        Instant early = Instant.parse("2024-01-01T00:00:00Z");
        Instant late = Instant.parse("2024-06-01T00:00:00Z");
        SourceTimes merged = new SourceTimes(late, early).merge(new SourceTimes(early, late))
                .merge(new SourceTimes(null, null)).merge(SourceTimes.NONE);

        assertThat(merged).isEqualTo(new SourceTimes(early, late));
        assertThat(SourceTimes.NONE.merge(new SourceTimes(null, late))).isEqualTo(new SourceTimes(null, late));
    }
}
