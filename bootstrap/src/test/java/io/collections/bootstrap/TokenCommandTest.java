package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.collections.adapter.http.TestKeys;
import io.collections.adapter.http.auth.JwtAuthenticator;
import io.collections.adapter.http.auth.JwtKey;
import io.collections.application.Caller;
import io.collections.application.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar collections-server.jar token ...}, run through {@link Main#run}. */
class TokenCommandTest {
    private static final String SECRET = "a-token-command-test-secret-0123456789abcdef";
    private static final Map<String, String> HS256 = Map.of("COLLECTIONS_JWT_SECRET", SECRET);

    @Test
    void printsOnlyATokenSignedWithTheSecretThatTheServerAccepts() throws Exception {
        CommandLine run = CommandLine.run(HS256, "token", "--client", "acme", "--sub", "alice", "--role", "Owner",
                "--role", "Viewer", "--ttl", "2h");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).hasSize(1);
        String token = run.out().strip();
        Caller caller = new JwtAuthenticator(JwtKey.hmacSecret(SECRET), Optional.empty(), Optional.empty(),
                Clock.systemUTC()).authenticate("Bearer " + token);
        assertThat(caller).isEqualTo(Caller.of("acme", "alice", Role.OWNER, Role.VIEWER));
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime()
                - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(lifetime).isEqualTo(2 * 3600 * 1000L);
    }

    @Test
    void theConfiguredIssuerAndAudienceGoIntoTheTokenAndTheTtlDefaultsToAnHour() throws Exception {
        CommandLine run = CommandLine.run(Map.of("COLLECTIONS_JWT_SECRET", SECRET,
                "COLLECTIONS_JWT_ISSUER", "https://id.acme.test", "COLLECTIONS_JWT_AUDIENCE", "collections"),
                "token", "--client", "acme", "--sub", "alice", "--role", "DataEditor");

        assertThat(run.status()).as(run.err()).isZero();
        SignedJWT jwt = SignedJWT.parse(run.out().strip());
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://id.acme.test");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("collections");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().getTime()
                - jwt.getJWTClaimsSet().getIssueTime().getTime()).isEqualTo(3600 * 1000L);
        assertThat(new JwtAuthenticator(JwtKey.hmacSecret(SECRET), Optional.of("https://id.acme.test"),
                Optional.of("collections"), Clock.systemUTC()).authenticate("Bearer " + run.out().strip()).roles())
                .containsExactly(Role.DATA_EDITOR);
    }

    @Test
    void rs256AndEs256TokensAreSignedWithThePrivateHalfOfTheConfiguredPublicKey(@TempDir Path directory) {
        for (KeyPair pair : new KeyPair[] {TestKeys.rsa(), TestKeys.ecP256()}) {
            Path publicKey = PemFiles.write(directory, "public.pem", pair.getPublic());
            Path privateKey = PemFiles.write(directory, "private.pem", pair.getPrivate());
            Map<String, String> settings = Map.of("COLLECTIONS_JWT_PUBLIC_KEY", publicKey.toString());

            CommandLine run = CommandLine.run(settings, "token", "--client", "acme", "--sub", "alice", "--role",
                    "Admin", "--private-key", privateKey.toString());

            assertThat(run.status()).as(run.err()).isZero();
            JwtKey key = JwtKey.publicKeyPem(read(publicKey));
            assertThat(new JwtAuthenticator(key, Optional.empty(), Optional.empty(), Clock.systemUTC())
                    .authenticate("Bearer " + run.out().strip())).isEqualTo(Caller.of("acme", "alice", Role.ADMIN));

            CommandLine withoutPrivateKey = CommandLine.run(settings, "token", "--client", "acme", "--sub", "alice",
                    "--role", "Admin");
            assertThat(withoutPrivateKey.status()).isEqualTo(2);
            assertThat(withoutPrivateKey.err()).contains("COLLECTIONS_JWT_PUBLIC_KEY is a public key, which cannot"
                    + " sign: pass --private-key FILE");

            Path stranger = PemFiles.write(directory, "stranger.pem", (pair.getPublic().getAlgorithm().equals("RSA")
                    ? TestKeys.rsa() : TestKeys.ecP256()).getPrivate());
            CommandLine mismatch = CommandLine.run(settings, "token", "--client", "acme", "--sub", "alice", "--role",
                    "Admin", "--private-key", stranger.toString());
            assertThat(mismatch.status()).isEqualTo(2);
            assertThat(mismatch.err()).contains("--private-key is not the private half of COLLECTIONS_JWT_PUBLIC_KEY");
            assertThat(mismatch.out()).isEmpty();
        }
    }

    @Test
    void withoutAKeyOrWithAShortSecretItRefusesAndSaysWhatToSet() {
        CommandLine none = CommandLine.run(Map.of(), "token", "--client", "acme", "--sub", "alice", "--role", "Owner");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("configuration error: no key is configured to sign with: set"
                + " COLLECTIONS_JWT_SECRET");

        String shortSecret = "too-short-a-secret";
        CommandLine weak = CommandLine.run(Map.of("COLLECTIONS_JWT_SECRET", shortSecret), "token", "--client", "acme",
                "--sub", "alice", "--role", "Owner");
        assertThat(weak.status()).isEqualTo(2);
        assertThat(weak.err()).contains("COLLECTIONS_JWT_SECRET must be at least 32 bytes in UTF-8")
                .doesNotContain(shortSecret);
    }

    @Test
    void badOptionsAreRefusedByName(@TempDir Path directory) {
        Map<String, String[]> cases = Map.of(
                "option --role must be one of Owner, Admin, DataEditor, Viewer; got 'Root'",
                new String[] {"--client", "acme", "--sub", "alice", "--role", "Root"},
                "option --role is required", new String[] {"--client", "acme", "--sub", "alice"},
                "option --client is required", new String[] {"--sub", "alice", "--role", "Owner"},
                "option --client must be 1 to 128 characters",
                new String[] {"--client", "c".repeat(129), "--sub", "alice", "--role", "Owner"},
                "option --ttl must be a number and a unit s, m, h or d",
                new String[] {"--client", "acme", "--sub", "alice", "--role", "Owner", "--ttl", "forever"},
                "option --ttl may be at most 365d",
                new String[] {"--client", "acme", "--sub", "alice", "--role", "Owner", "--ttl", "366d"},
                "unknown option --scope", new String[] {"--client", "acme", "--sub", "alice", "--role", "Owner",
                        "--scope", "all"},
                "--private-key is for a server that verifies with COLLECTIONS_JWT_PUBLIC_KEY",
                new String[] {"--client", "acme", "--sub", "alice", "--role", "Owner", "--private-key",
                        directory.resolve("none.pem").toString()});
        cases.forEach((message, options) -> {
            String[] args = new String[options.length + 1];
            args[0] = "token";
            System.arraycopy(options, 0, args, 1, options.length);
            CommandLine run = CommandLine.run(HS256, args);
            assertThat(run.status()).as(message).isEqualTo(2);
            assertThat(run.err()).as(message).contains(message);
            assertThat(run.out()).as(message).isEmpty();
        });
    }

    @Test
    void aKeySettingThatCannotBeUsedStopsTheServerBeforeItStarts(@TempDir Path directory) {
        Path publicKey = PemFiles.write(directory, "public.pem", TestKeys.rsa().getPublic());
        Map<String, Map<String, String>> cases = Map.of(
                "COLLECTIONS_JWT_SECRET must be at least 32 bytes", Map.of("COLLECTIONS_JWT_SECRET", "short"),
                "set COLLECTIONS_JWT_SECRET or COLLECTIONS_JWT_PUBLIC_KEY, not both",
                Map.of("COLLECTIONS_JWT_SECRET", SECRET, "COLLECTIONS_JWT_PUBLIC_KEY", publicKey.toString()),
                "COLLECTIONS_JWT_PUBLIC_KEY names " + directory.resolve("missing.pem") + ", which cannot be read",
                Map.of("COLLECTIONS_JWT_PUBLIC_KEY", directory.resolve("missing.pem").toString()),
                "COLLECTIONS_JWT_PUBLIC_KEY is not a PEM public key",
                Map.of("COLLECTIONS_JWT_PUBLIC_KEY", write(directory, "junk.pem", "junk")));
        cases.forEach((message, settings) -> {
            Map<String, String> all = new java.util.HashMap<>(settings);
            all.put("COLLECTIONS_PORT", "0");
            all.put("COLLECTIONS_DB_URL", "jdbc:h2:mem:never-started");
            CommandLine run = CommandLine.run(all, "serve");
            assertThat(run.status()).as(message).isEqualTo(2);
            assertThat(run.err()).as(message).startsWith("configuration error: " + message)
                    .doesNotContain("Collections listening");
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String write(Path directory, String name, String text) {
        try {
            return Files.writeString(directory.resolve(name), text).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
