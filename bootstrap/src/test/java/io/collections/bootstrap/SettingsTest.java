package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void nothingSetGivesTheEmbeddedDefaults() {
        Settings settings = Settings.from(Map.of(), new Properties());

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.databaseUrl()).startsWith("jdbc:h2:file:./data/");
        assertThat(settings.jwtSecret()).isEmpty();
        assertThat(settings.allowPrivateNetwork()).isFalse();
        assertThat(settings.importRequestsPerSecond()).isEqualTo(1);
        assertThat(settings.importConcurrency()).isEqualTo(10);
        assertThat(settings.shopifyApiVersion()).isEqualTo("2025-10");
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("COLLECTIONS_PORT", "9090");

        Settings settings = Settings.from(Map.of("COLLECTIONS_PORT", "7070"), properties);

        assertThat(settings.port()).isEqualTo(9090);
    }

    @Test
    void baseUrlsKeepSchemeHostAndPortOnly() {
        Settings settings = Settings.from(Map.of("COLLECTIONS_ALGOLIA_BASE_URL", "http://127.0.0.1:4567/ignored/path"),
                new Properties());

        assertThat(settings.algoliaBaseUrl()).contains("http://127.0.0.1:4567");
    }

    @Test
    void aSecretKeyMustBe32BytesOfBase64() {
        String good = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(Settings.from(Map.of("COLLECTIONS_SECRET_KEY", good), new Properties()).secretKey()).isPresent();

        assertThatThrownBy(() -> Settings.from(Map.of("COLLECTIONS_SECRET_KEY", "c2hvcnQ="), new Properties()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COLLECTIONS_SECRET_KEY")
                .hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> Settings.from(Map.of("COLLECTIONS_SECRET_KEY", "!!not base64!!"), new Properties()))
                .hasMessageContaining("COLLECTIONS_SECRET_KEY");
    }

    @Test
    void malformedValuesNameTheirVariable() {
        assertThatThrownBy(() -> Settings.from(Map.of("COLLECTIONS_PORT", "eighty"), new Properties()))
                .hasMessageContaining("COLLECTIONS_PORT");
        assertThatThrownBy(() -> Settings.from(Map.of("COLLECTIONS_PORT", "70000"), new Properties()))
                .hasMessageContaining("COLLECTIONS_PORT");
        assertThatThrownBy(() -> Settings.from(Map.of("COLLECTIONS_ALLOW_PRIVATE_NETWORK", "yes"), new Properties()))
                .hasMessageContaining("COLLECTIONS_ALLOW_PRIVATE_NETWORK");
        assertThatThrownBy(() -> Settings.from(Map.of("COLLECTIONS_GOOGLE_MERCHANT_BASE_URL", "ftp://x"), new Properties()))
                .hasMessageContaining("COLLECTIONS_GOOGLE_MERCHANT_BASE_URL");
        assertThatThrownBy(() -> Settings.from(Map.of("COLLECTIONS_SHOPIFY_API_VERSION", "latest"), new Properties()))
                .hasMessageContaining("COLLECTIONS_SHOPIFY_API_VERSION");
        assertThatThrownBy(() -> Settings.from(Map.of("COLLECTIONS_IMPORT_CONCURRENCY", "0"), new Properties()))
                .hasMessageContaining("COLLECTIONS_IMPORT_CONCURRENCY");
    }
}
