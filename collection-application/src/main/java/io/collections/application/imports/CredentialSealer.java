package io.collections.application.imports;

/**
 * Seals provider credentials for the time a background import waits or runs, so the job table never holds them
 * in clear; {@code open} fails when the sealed text was made with another key, altered, or sealed for another
 * owner ({@code boundTo}: the client and provider of the job), so a sealed text copied to another client's job
 * does not open there.
 */
public interface CredentialSealer {
    String seal(String plaintext, String boundTo);

    /** @throws IllegalStateException when the text cannot be opened with this key for this owner */
    String open(String sealed, String boundTo);
}
