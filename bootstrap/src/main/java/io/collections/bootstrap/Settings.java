package io.collections.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything the server reads from its environment (SPEC section 10). Each value comes from a system property or
 * else an environment variable of the same name; a malformed value is refused at start, naming the variable.
 */
public record Settings(
        int port,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        int databasePoolSize,
        Optional<String> jwtSecret,
        Optional<Path> jwtPublicKey,
        Optional<String> jwtIssuer,
        Optional<String> jwtAudience,
        boolean allowPrivateNetwork,
        Optional<byte[]> secretKey,
        Optional<String> googleMerchantBaseUrl,
        Optional<String> algoliaBaseUrl,
        String shopifyApiVersion,
        int importRequestsPerSecond,
        int importConcurrency) {

    public static final String DEFAULT_DATABASE_URL =
            "jdbc:h2:file:./data/collections;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** Reads the settings from this process's system properties and environment. */
    public static Settings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    public static Settings from(Map<String, String> environment, Properties properties) {
        Source source = new Source(environment, properties);
        return new Settings(
                source.integer("COLLECTIONS_PORT", 8080, 0, 65535),
                source.text("COLLECTIONS_DB_URL").orElse(DEFAULT_DATABASE_URL),
                source.text("COLLECTIONS_DB_USER").orElse(""),
                source.text("COLLECTIONS_DB_PASSWORD").orElse(""),
                source.integer("COLLECTIONS_DB_POOL_SIZE", 10, 1, 200),
                source.text("COLLECTIONS_JWT_SECRET"),
                source.text("COLLECTIONS_JWT_PUBLIC_KEY").map(Path::of),
                source.text("COLLECTIONS_JWT_ISSUER"),
                source.text("COLLECTIONS_JWT_AUDIENCE"),
                source.bool("COLLECTIONS_ALLOW_PRIVATE_NETWORK"),
                source.text("COLLECTIONS_SECRET_KEY").map(Settings::secretKey),
                source.text("COLLECTIONS_GOOGLE_MERCHANT_BASE_URL").map(v -> baseUrl("COLLECTIONS_GOOGLE_MERCHANT_BASE_URL", v)),
                source.text("COLLECTIONS_ALGOLIA_BASE_URL").map(v -> baseUrl("COLLECTIONS_ALGOLIA_BASE_URL", v)),
                source.text("COLLECTIONS_SHOPIFY_API_VERSION").map(Settings::shopifyVersion).orElse("2025-10"),
                source.integer("COLLECTIONS_IMPORT_REQUESTS_PER_SECOND", 1, 1, 1000),
                source.integer("COLLECTIONS_IMPORT_CONCURRENCY", 10, 1, 1000));
    }

    /** Shows where things are, never a secret's value. */
    @Override
    public String toString() {
        return "Settings[port=" + port + ", databaseUrl=" + databaseUrl + ", databaseUser=" + databaseUser
                + ", databasePassword=" + (databasePassword.isEmpty() ? "" : "***") + ", jwt="
                + (jwtSecret.isPresent() ? "secret" : jwtPublicKey.map(Path::toString).orElse("generated"))
                + ", allowPrivateNetwork=" + allowPrivateNetwork + ", secretKey=" + (secretKey.isPresent() ? "***" : "none")
                + ", importRequestsPerSecond=" + importRequestsPerSecond + ", importConcurrency=" + importConcurrency + "]";
    }

    private static byte[] secretKey(String value) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("COLLECTIONS_SECRET_KEY must be 32 bytes encoded in base64; it is not base64");
        }
        if (key.length != 32) {
            throw new ConfigurationException("COLLECTIONS_SECRET_KEY must be 32 bytes encoded in base64; it decodes to "
                    + key.length + " bytes");
        }
        return key;
    }

    private static String baseUrl(String variable, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ConfigurationException(variable + " must be an http(s) URL with a host, like https://host:443");
            }
            return scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            throw new ConfigurationException(variable + " is not a valid URL");
        }
    }

    private static String shopifyVersion(String value) {
        if (!value.matches("\\d{4}-(01|04|07|10)")) {
            throw new ConfigurationException("COLLECTIONS_SHOPIFY_API_VERSION must be a quarterly version like 2025-10");
        }
        return value;
    }

    /** Looks a name up as a system property first, then as an environment variable; blank counts as unset. */
    private record Source(Map<String, String> environment, Properties properties) {
        Optional<String> text(String name) {
            String value = properties.getProperty(name);
            if (value == null) {
                value = environment.get(name);
            }
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> value = text(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed < min || parsed > max) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new ConfigurationException(name + " must be a whole number from " + min + " to " + max
                        + ", got '" + value.get() + "'");
            }
        }

        boolean bool(String name) {
            Optional<String> value = text(name);
            if (value.isEmpty()) {
                return false;
            }
            switch (value.get().toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    throw new ConfigurationException(name + " must be true or false, got '" + value.get() + "'");
            }
        }
    }
}
