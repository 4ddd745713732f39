package io.collections.adapter.jdbc;

/** The database could not be reached or prepared at start; the message names the URL without its password. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
