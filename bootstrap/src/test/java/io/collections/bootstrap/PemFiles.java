package io.collections.bootstrap;

import io.collections.adapter.http.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;

/** Keys made by the test ({@link TestKeys}), written as PEM files into the test's temporary directory. */
final class PemFiles {
    private PemFiles() {
    }

    static Path write(Path directory, String name, Key key) {
        try {
            return Files.writeString(directory.resolve(name), TestKeys.pem(key), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
