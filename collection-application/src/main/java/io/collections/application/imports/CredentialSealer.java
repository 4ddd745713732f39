package io.collections.application.imports;

/**
 * Seals provider credentials for the time a background import waits or runs, so the job table never holds them
 * in clear; {@code open} fails when the sealed text was made with another key or altered.
 */
public interface CredentialSealer {
    String seal(String plaintext);

    /** @throws IllegalStateException when the text cannot be opened with this key */
    String open(String sealed);
}
